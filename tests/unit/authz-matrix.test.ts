import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { dashboardSections } from '@/components/dashboard/shell/sections';
import { permissions } from '@/lib/auth/permissions';
import {
  publicRoutes,
  requestPathOf,
  staffActions,
  staffPages,
  staffRoutes,
  urlPathOf,
} from '../support/route-permissions';

// Static half of the authorisation matrix (the runtime half is tests/e2e/authz-matrix.spec.ts):
// the file tree decides what must be covered, tests/support/route-permissions.ts says with what.

const root = process.cwd();
const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

function walk(dir: string, match: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, match));
    else if (match(entry.name)) out.push(rel(full));
  }
  return out.sort();
}

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const isPermission = (p: string) => p in permissions;
const quoted = (fn: string, perm: string) => new RegExp(`${fn}\\(\\s*['"\`]${perm}['"\`]`);

const pageFiles = walk(path.join(root, 'app/(staff)'), (n) => n === 'page.tsx');
const routeFiles = walk(path.join(root, 'app'), (n) => n === 'route.ts');
const actionFiles = walk(path.join(root, 'app/(staff)'), (n) => n === 'actions.ts');

describe('every staff page is in the table and checks its permission itself', () => {
  it('the table covers exactly the page.tsx files under app/(staff)', () => {
    expect(pageFiles.length).toBeGreaterThan(0);
    expect([...staffPages.map((r) => r.file)].sort()).toEqual(pageFiles);
  });

  it.each(staffPages.map((r) => [r.file, r] as const))('%s', (file, rule) => {
    expect(isPermission(rule.permission)).toBe(true);
    expect(read(file)).toMatch(quoted('requireStaffPage', rule.permission));
    expect(requestPathOf(rule).split('?')[0]).toMatch(new RegExp(`^${urlPathOf(file).replace(/\[[^\]]+\]/g, '[^/]+')}$`));
  });
});

describe('every route handler is either a staff route checking its permission or a listed public one', () => {
  it('the tables cover exactly the route.ts files under app/', () => {
    const listed = [...staffRoutes.map((r) => r.file), ...publicRoutes.map((r) => r.file)].sort();
    expect(listed).toEqual(routeFiles);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it.each(staffRoutes.map((r) => [r.file, r] as const))('%s', (file, rule) => {
    expect(isPermission(rule.permission)).toBe(true);
    const text = read(file);
    expect(quoted('requireStaffApi', rule.permission).test(text) || quoted('withStaff', rule.permission).test(text)).toBe(true);
  });

  it('public routes say why they are public', () => {
    for (const r of publicRoutes) expect(r.reason.length, r.file).toBeGreaterThan(10);
  });
});

type ExportedFn = { name: string; body: ts.Node | undefined };

/** Exported functions (declarations and `export const x = async () => …`) of a module. */
function exportedFunctions(file: string): ExportedFn[] {
  const src = ts.createSourceFile(file, read(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: ExportedFn[] = [];
  const exported = (n: ts.Node) =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const stmt of src.statements) {
    if (ts.isFunctionDeclaration(stmt) && exported(stmt) && stmt.name) out.push({ name: stmt.name.text, body: stmt.body });
    if (ts.isVariableStatement(stmt) && exported(stmt)) {
      for (const d of stmt.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) out.push({ name: d.name.text, body: d.initializer });
      }
    }
    if (ts.isExportDeclaration(stmt) || ts.isExportAssignment(stmt)) {
      out.push({ name: `<re-export at ${src.getLineAndCharacterOfPosition(stmt.getStart()).line + 1}>`, body: undefined });
    }
  }
  return out;
}

/** `staffAction({ permission: '<permission>', … })`: the wrapper checks it first (lib/forms/staff-action.ts). */
function wrapperPermission(n: ts.CallExpression): string | null {
  if (!ts.isIdentifier(n.expression) || n.expression.text !== 'staffAction') return null;
  const spec = n.arguments[0];
  if (!spec || !ts.isObjectLiteralExpression(spec)) return null;
  for (const p of spec.properties) {
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'permission' && ts.isStringLiteralLike(p.initializer)) {
      return p.initializer.text;
    }
  }
  return null;
}

/** The permission of the first `requireStaffAction('<permission>')` or `staffAction({ permission })` call inside `node`. */
function requiredPermission(node: ts.Node | undefined): string | null {
  let found: string | null = null;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (
      ts.isCallExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === 'requireStaffAction' &&
      n.arguments[0] &&
      ts.isStringLiteralLike(n.arguments[0])
    ) {
      found = n.arguments[0].text;
      return;
    }
    if (ts.isCallExpression(n) && (found = wrapperPermission(n))) return;
    ts.forEachChild(n, visit);
  };
  if (node) visit(node);
  return found;
}

describe('every exported server action under app/(staff) re-checks the session and permission', () => {
  const exportedActions = actionFiles.flatMap((file) => exportedFunctions(file).map((fn) => ({ file, ...fn })));

  it('the table covers exactly the exported functions of app/(staff)/**/actions.ts', () => {
    const found = exportedActions.map((a) => `${a.file}#${a.name}`).sort();
    expect(staffActions.map((a) => `${a.file}#${a.name}`).sort()).toEqual(found);
  });

  it.each(exportedActions.map((a) => [`${a.file}#${a.name}`, a] as const))('%s calls requireStaffAction', (_id, action) => {
    const rule = staffActions.find((r) => r.file === action.file && r.name === action.name);
    expect(rule, 'no row in tests/support/route-permissions.ts').toBeDefined();
    expect(requiredPermission(action.body)).toBe(rule!.permission);
  });

  it("keeps server actions in actions.ts files (no inline 'use server' elsewhere in app/(staff))", () => {
    const others = walk(path.join(root, 'app/(staff)'), (n) => /\.(ts|tsx)$/.test(n) && n !== 'actions.ts');
    const inline = others.filter((f) => /['"]use server['"]/.test(read(f)));
    expect(inline).toEqual([]);
  });

  it('catches an action that forgets the check (the parser itself works)', () => {
    const probe = ts.createSourceFile(
      'x.ts',
      "export async function a() { return 1 }\nexport const b = async () => { await requireStaffAction('audit:view') }\nexport const c = staffAction({ permission: 'people:view', run })\nexport const d = staffAction({ run })",
      ts.ScriptTarget.Latest,
      true,
    );
    const fns = probe.statements.map((s) =>
      ts.isFunctionDeclaration(s) ? s.body : ts.isVariableStatement(s) ? s.declarationList.declarations[0].initializer : undefined,
    );
    expect(requiredPermission(fns[0])).toBeNull();
    expect(requiredPermission(fns[1])).toBe('audit:view');
    expect(requiredPermission(fns[2])).toBe('people:view');
    expect(requiredPermission(fns[3])).toBeNull();
  });
});

describe('the dashboard nav offers only what the pages allow', () => {
  it.each(dashboardSections.map((s) => [s.href, s] as const))('%s', (href, section) => {
    const page = staffPages.find((r) => requestPathOf(r) === href);
    // Sections whose page is not built yet have nothing to compare with.
    if (page) expect(section.permission).toBe(page.permission);
  });
});
