import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { listAudit, parseAuditFilters } from '@/lib/audit/list-audit';
import { seedWorld } from './people-fixtures';
import { makeStaff } from './staff-fixtures';

describe('listAudit', () => {
  it('filters by actor, action prefix and dates, newest first, paginated', async () => {
    await seedWorld();
    const owner = await makeStaff('owner');
    const db = getDb();
    await db.insert(auditLog).values([
      { actorUserId: 'u1', actorEmail: 'alice@org.test', action: 'auth.sign_in', createdAt: new Date('2025-01-01T10:00:00Z') },
      { actorUserId: 'u1', actorEmail: 'alice@org.test', action: 'person.forget', entityId: 's1', createdAt: new Date('2025-01-02T10:00:00Z') },
      { actorUserId: 'u2', actorEmail: 'bob@org.test', action: 'person.forget', entityId: 's2', createdAt: new Date('2025-01-03T10:00:00Z') },
      { actorUserId: 'u2', actorEmail: 'bob@org.test', action: 'personal.note', createdAt: new Date('2025-01-03T11:00:00Z') },
      { actorUserId: 'u3', actorEmail: 'c_d@org.test', action: 'export.signers', createdAt: new Date('2025-01-04T10:00:00Z') },
    ]);
    const list = (input: Record<string, unknown>) => listAudit({ actor: owner, input: { from: '2025-01-01', to: '2025-01-31', ...input } });

    expect((await list({})).rows.map((r) => r.action)).toEqual(['export.signers', 'personal.note', 'person.forget', 'person.forget', 'auth.sign_in']);
    expect((await list({ actor: 'ALICE' })).total).toBe(2);
    expect((await list({ actor: 'u2' })).total).toBe(2);
    expect((await list({ actor: 'c_d' })).total).toBe(1);
    expect((await list({ actor: '_' })).total).toBe(1);
    expect((await list({ action: 'person.' })).rows.map((r) => r.entityId)).toEqual(['s2', 's1']);
    expect((await list({ action: 'person' })).total).toBe(3);
    expect((await list({ from: '2025-01-02', to: '2025-01-03' })).total).toBe(3);
    const p = await list({ pageSize: 2, page: 3 });
    expect(p).toMatchObject({ pageCount: 3, total: 5 });
    expect(p.rows.map((r) => r.action)).toEqual(['auth.sign_in']);
    expect((await list({})).actions).toContain('person.forget');
  });

  it('is for audit:view roles only', async () => {
    await seedWorld();
    for (const role of ['analyst', 'editor', 'viewer'] as const) {
      await expect(listAudit({ actor: await makeStaff(role), input: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(listAudit({ actor: await makeStaff('admin'), input: {} })).resolves.toBeTruthy();
  });

  it('parses query parameters leniently', () => {
    const { filters, invalid } = parseAuditFilters({ action: 'drop table;', from: '2025-13-40', actor: 'bob', page: '2' });
    expect(invalid.sort()).toEqual(['action', 'from']);
    expect(filters).toMatchObject({ actor: 'bob', page: 2 });
  });
});
