import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

// `assess init` must give a template that a street office can fill in and assess: every fact
// the standard reads, nothing else; empty values are "missing" (exit 1), never invalid (exit 3).
const dir = mkdtempSync(join(tmpdir(), 'weibao-init-'));

describe.each([
  ['changning-demo-street@2023', 'fixtures/changning-compliant.json'],
  ['yangshi-demo-point@2022', 'fixtures/yangshi-compliant.json'],
])('init --standard %s', (ref, compliant) => {
  const yamlText = run('init', '--standard', ref).stdout;
  const template = parseDocument(yamlText);
  const facts = template.get('facts') as { items: { key: { value: string } }[] };
  const names = facts.items.map((p) => p.key.value);
  const good = (JSON.parse(readFileSync(compliant, 'utf8')) as { facts: Record<string, unknown> }).facts;
  const shown = JSON.parse(run('standards', 'show', ref, '--format', 'json').stdout) as { items: { reads: string[] }[] };

  it('starts with a yaml-language-server schema line and names the standard', () => {
    expect(yamlText.split('\n')[0]).toBe('# yaml-language-server: $schema=./facts.schema.json');
    expect(parse(yamlText).standard).toBe(ref);
  });

  it('lists every fact the standard reads, once, each with its description comment', () => {
    const reads = new Set(shown.items.flatMap((i) => i.reads));
    for (const r of reads) expect(names).toContain(r);
    expect(new Set(names).size).toBe(names.length);
    expect(yamlText).toMatch(/# ── .+ ──/);
    expect(yamlText).toMatch(/用于：/);
  });

  it('unfilled: valid, every item missing (exit 1, not 3)', () => {
    const file = join(dir, `${ref}-empty.yaml`);
    writeFileSync(file, yamlText);
    const r = run(file, '--format', 'json');
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout).results[0];
    expect(result.items.every((i: { state: string }) => i.state === 'missing' || i.state === 'not_applicable')).toBe(true);
  });

  it('filled in with compliant values: 达标 (exit 0, or 2 only through a veto)', () => {
    for (const pair of facts.items) template.setIn(['facts', pair.key.value], good[pair.key.value] ?? null);
    template.set('area', { name: '模板街道（虚构）' });
    template.set('period', ref.split('@')[1]); // the standard's year: a period outside it is refused
    const file = join(dir, `${ref}-filled.yaml`);
    writeFileSync(file, template.toString());
    const r = run(file, '--format', 'json');
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout).results[0];
    expect(result.items.filter((i: { state: string }) => i.state !== 'pass').map((i: { id: string }) => i.id)).toEqual([]);
  });

  it('JSON template and `assess schema` agree: the empty JSON template validates against the schema', () => {
    const jsonTemplate = JSON.parse(run('init', '--standard', ref, '--format', 'json').stdout);
    const schema = JSON.parse(run('schema', '--standard', ref).stdout);
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(jsonTemplate), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(schema.properties.facts.properties).sort()).toEqual(Object.keys(jsonTemplate.facts).sort());
    expect(validate({ ...jsonTemplate, facts: { ...jsonTemplate.facts, [names[0]]: 'not a value' } })).toBe(false);
  });
});
