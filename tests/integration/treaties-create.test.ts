import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, treaties, treatyStageEvents } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { createTreaty } from '@/lib/treaties/create-treaty';
import type { CreateTreatyInput } from '@/lib/treaties/schemas';
import { getTreaty } from '@/lib/treaties/get-treaty';
import { listTreaties } from '@/lib/treaties/list-treaties';
import { makeStaff } from './staff-fixtures';
import { rejection } from '../support/rejection';

let editor: StaffUser;

beforeEach(async () => {
  await seedDatabase(getDb(), { adminEmail: 'owner@treaties-create.test' });
  editor = await makeStaff('editor');
});

const crc: CreateTreatyInput = {
  name: 'Convention on the Rights of the Child',
  shortName: 'CRC',
  summary: '',
  adoptedOn: '1989-11-20',
  usSignedOn: '1995-02-16',
  senateTreatyDoc: '',
  stage: 'signed',
  stageOn: '1995-02-16',
  stageSourceTitle: 'UN Treaty Collection',
  stageSourceUrl: 'https://treaties.un.org/',
};

describe('createTreaty', () => {
  it('adds a treaty whose stage is its first recorded step, audited', async () => {
    const { id, slug } = await createTreaty({ actor: editor, input: crc });
    expect(slug).toBe('crc');
    const t = await getTreaty({ actor: editor, input: { id } });
    expect(t).toMatchObject({ name: crc.name, shortName: 'CRC', stage: 'signed', adoptedOn: '1989-11-20', summary: null, senateTreatyDoc: null });
    const events = await getDb().select().from(treatyStageEvents).where(eq(treatyStageEvents.treatyId, id));
    expect(events).toMatchObject([{ stage: 'signed', occurredOn: '1995-02-16', sourceTitle: 'UN Treaty Collection', sourceUrl: 'https://treaties.un.org/' }]);
    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'treaty.create'));
    expect(audit).toMatchObject({ actorUserId: editor.id, entityType: 'treaty', entityId: id });
    expect((await listTreaties({ actor: editor })).map((x) => x.shortName)).toContain('CRC');
  });

  it('takes a chosen address, and refuses one already in use with a field message', async () => {
    await createTreaty({ actor: editor, input: { ...crc, slug: 'child-rights' } });
    const e = await rejection(createTreaty({ actor: editor, input: { ...crc, name: 'Another', slug: 'child-rights' } }));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors?.slug?.[0]).toMatch(/already uses/);
    expect(await getDb().select().from(treaties).where(eq(treaties.slug, 'child-rights'))).toHaveLength(1);
  });

  it('gives field messages for bad input and saves nothing', async () => {
    const before = (await getDb().select().from(treaties)).length;
    const e = await rejection(
      createTreaty({
        actor: editor,
        input: { ...crc, name: '', shortName: 'x'.repeat(200), slug: 'Not A Slug!', stage: 'pending' as CreateTreatyInput['stage'], stageOn: '18/06/2026', stageSourceUrl: 'javascript:alert(1)' },
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(['name', 'shortName', 'slug', 'stage', 'stageOn', 'stageSourceUrl']);
    expect(await getDb().select().from(treaties)).toHaveLength(before);
  });

  it('is for editors and above only', async () => {
    for (const role of ['analyst', 'viewer'] as const) {
      const e = await rejection(createTreaty({ actor: await makeStaff(role), input: crc }));
      expect(e.code).toBe('FORBIDDEN');
    }
  });
});
