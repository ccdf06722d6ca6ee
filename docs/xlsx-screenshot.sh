#!/usr/bin/env bash
# Remake docs/xlsx-template.png: the 台账 template's 事实 sheet as LibreOffice prints it
# (needs soffice and pdftoppm: Debian libreoffice-calc-nogui, poppler-utils; npm run build first).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node bin/assess.js init --standard changning-demo-street@2023 --format xlsx --output "$tmp/台账.xlsx"
soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" "$tmp/台账.xlsx" >/dev/null
# Page 3 is the first page of 事实 (说明 and 基本信息 print one page each); its top part, at 150 dpi.
pdftoppm -r 150 -png -f 3 -l 3 -x 40 -y 60 -W 1700 -H 560 -singlefile "$tmp/台账.pdf" docs/xlsx-template
# docs/xlsx-report.png: the 总览 sheet of a batch report over the fixtures.
node bin/assess.js fixtures/changning-*.json fixtures/changning-incomplete.yaml fixtures/yangshi-*.json --format xlsx --output "$tmp/评估结果.xlsx" || true
soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" "$tmp/评估结果.xlsx" >/dev/null
pdftoppm -r 150 -png -f 1 -l 1 -x 60 -y 75 -W 1560 -H 130 -singlefile "$tmp/评估结果.pdf" docs/xlsx-report
