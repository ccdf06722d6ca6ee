"""Extract the literal jsonLogic(rule, data) calls of a Python test file as JSON cases."""
import ast, json, sys, copy

src = sys.stdin.read()
tree = ast.parse(src)
cases = []

class Sub(ast.NodeTransformer):
    def __init__(self, env): self.env = env
    def visit_Name(self, node):
        if node.id in self.env: return copy.deepcopy(self.env[node.id])
        return node

def lit(node, env):
    try:
        return True, ast.literal_eval(Sub(env).visit(copy.deepcopy(node)))
    except Exception:
        return False, None

def walk_body(stmts, env):
    for st in stmts:
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            ok, _ = lit(st.value, env)
            if ok: env[st.targets[0].id] = Sub(env).visit(copy.deepcopy(st.value))
            else: env.pop(st.targets[0].id, None)
        for node in ast.walk(st):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == 'jsonLogic' and node.args:
                ok, rule = lit(node.args[0], env)
                if not ok: continue
                data = None
                if len(node.args) > 1:
                    ok, data = lit(node.args[1], env)
                    if not ok: continue
                cases.append({"line": node.lineno, "rule": rule, "data": data})
        for field in ('body', 'orelse', 'finalbody'):
            if isinstance(st, (ast.FunctionDef, ast.ClassDef, ast.With, ast.If, ast.For, ast.Try)) and hasattr(st, field):
                walk_body(getattr(st, field), dict(env) if isinstance(st, (ast.FunctionDef, ast.ClassDef)) else env)

walk_body(tree.body, {})
# de-duplicate, keep first line
seen = set(); out = []
for c in cases:
    k = json.dumps([c["rule"], c["data"]], sort_keys=True)
    if k in seen: continue
    seen.add(k); out.append(c)
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
