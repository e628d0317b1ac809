import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError, toJsonResponse } from '@/lib/errors';
import { createStaffAction } from '@/lib/forms/staff-action';
import type { FormState } from '@/lib/forms/state';
import { runPublicPipeline } from '@/lib/forms/public-action';
import { PUBLIC_LIMITS } from '@/lib/security/public-limits';
import { readJsonBody } from '@/lib/http/read-json-body';
import { makeStaff } from './staff-fixtures';

// The two action skeletons (lib/forms/) and the error mappers (lib/errors.ts) every action and route uses.

const Input = z.object({ name: z.string().trim().min(2, 'Enter a name.'), id: z.uuid('Unknown thing.') });
const ID = '00000000-0000-4000-8000-000000000001';

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.set(k, v);
  return fd;
}

describe('staffAction', () => {
  it('checks the permission before anything runs, and maps the refusal to form state', async () => {
    const run = vi.fn();
    const action = createStaffAction(async () => {
      throw new AppError('FORBIDDEN', 'Your role does not allow this.');
    })({ permission: 'audit:view', fields: ['name'], hidden: ['id'], schema: Input, run, done: () => ({}) });
    const state = await action({ status: 'idle' }, form({ name: 'Ada', id: ID }));
    expect(run).not.toHaveBeenCalled();
    expect(state).toMatchObject({ status: 'error', code: 'FORBIDDEN', message: 'Your role does not allow this.', values: { name: 'Ada' } });
  });

  it('asks for the permission it was given', async () => {
    const asked: string[] = [];
    const actor = await makeStaff('admin');
    const action = createStaffAction(async (p) => (asked.push(p), actor))({
      permission: 'people:forget',
      fields: [],
      schema: z.object({}),
      run: async () => 'x',
      done: () => ({ message: 'done' }),
    });
    expect(await action({ status: 'idle' }, form({}))).toEqual({ status: 'ok', message: 'done' });
    expect(asked).toEqual(['people:forget']);
  });

  it('gives field errors with what was typed (not the hidden fields) and never calls the service', async () => {
    const actor = await makeStaff('owner');
    const run = vi.fn();
    const action = createStaffAction(async () => actor)({ permission: 'audit:view', fields: ['name'], hidden: ['id'], schema: Input, run, done: () => ({}) });
    const state = await action({ status: 'idle' }, form({ name: ' A ', id: 'nope' }));
    expect(run).not.toHaveBeenCalled();
    expect(state.status).toBe('error');
    expect(state.code).toBe('VALIDATION');
    expect(state.fieldErrors).toEqual({ name: ['Enter a name.'], id: ['Unknown thing.'] });
    expect(state.values).toEqual({ name: ' A ' });
  });

  it('passes the parsed input to the service, then revalidates after it returned, with the outcome in the state', async () => {
    const actor = await makeStaff('owner');
    const order: string[] = [];
    const action = createStaffAction(async () => actor)<typeof Input, { saved: string }, FormState>({
      permission: 'audit:view',
      fields: ['name'],
      hidden: ['id'],
      schema: Input,
      run: async (who, input) => {
        order.push(`run:${who.id === actor.id}:${input.name}`);
        return { saved: input.name };
      },
      done: (r) => ({ message: `Saved ${r.saved}.`, state: { values: { name: r.saved } }, revalidate: () => order.push('revalidate') }),
    });
    expect(await action({ status: 'idle' }, form({ name: '  Ada ', id: ID }))).toEqual({ status: 'ok', message: 'Saved Ada.', values: { name: 'Ada' } });
    expect(order).toEqual(['run:true:Ada', 'revalidate']);
  });

  it('turns an unexpected error into a generic message (no detail leaks) and a database outage into UNAVAILABLE', async () => {
    const actor = await makeStaff('owner');
    const make = (err: unknown) =>
      createStaffAction(async () => actor)({
        permission: 'audit:view',
        fields: ['name'],
        hidden: ['id'],
        schema: Input,
        run: async () => {
          throw err;
        },
        done: () => ({}),
      });
    const bug = await make(new Error('relation "secret_table" does not exist'))({ status: 'idle' }, form({ name: 'Ada', id: ID }));
    expect(bug).toMatchObject({ status: 'error', code: 'INTERNAL', message: 'Something went wrong. Please try again.', values: { name: 'Ada' } });
    expect(JSON.stringify(bug)).not.toContain('secret_table');
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const down = await make(new Error('Failed query', { cause: outage }))({ status: 'idle' }, form({ name: 'Ada', id: ID }));
    expect(down).toMatchObject({ status: 'error', code: 'UNAVAILABLE', values: { name: 'Ada' } });
  });

  it('answers a no-JS preview without parsing or running', async () => {
    const actor = await makeStaff('owner');
    const run = vi.fn();
    const action = createStaffAction(async () => actor)({
      permission: 'campaigns:edit',
      fields: ['name'],
      hidden: ['intent'],
      schema: Input,
      intercept: (values): FormState | undefined => (values.intent === 'preview' ? { status: 'idle', values } : undefined),
      run,
      done: () => ({}),
    });
    expect(await action({ status: 'idle' }, form({ name: '', intent: 'preview' }))).toEqual({ status: 'idle', values: { name: '', intent: 'preview' } });
    expect(run).not.toHaveBeenCalled();
  });
});

describe('runPublicPipeline', () => {
  const headers = new Headers({ 'x-forwarded-for': '203.0.113.9' });

  it('validates before counting against the limits and before the service', async () => {
    const run = vi.fn();
    await expect(runPublicPipeline({ limit: 'sign', schema: Input, run, sendsMail: () => false }, { name: '' }, headers)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses with RATE_LIMITED and Retry-After once the per-email limit is spent, without calling the service', async () => {
    const run = vi.fn(async () => 'ok');
    const spec = { limit: 'sign' as const, schema: z.object({ email: z.string() }), emailOf: (i: { email: string }) => i.email, run, sendsMail: () => false };
    const allowed = PUBLIC_LIMITS.sign.email!.limit;
    for (let i = 0; i < allowed; i++) await runPublicPipeline(spec, { email: 'same@example.org' }, new Headers({ 'x-forwarded-for': `198.51.100.${i}` }));
    const refused = await runPublicPipeline(spec, { email: 'same@example.org' }, headers).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect(run).toHaveBeenCalledTimes(allowed);
    const res = await toJsonResponse(refused);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
  });
});

describe('the JSON error shape and body reader', () => {
  it('answers every AppError as { error: { code, message, fieldErrors? } } with its status', async () => {
    const res = await toJsonResponse(new AppError('VALIDATION', 'Please correct the highlighted fields.', { zip: ['Enter a ZIP.'] }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'VALIDATION', message: 'Please correct the highlighted fields.', fieldErrors: { zip: ['Enter a ZIP.'] } } });
    const used = await toJsonResponse(new AppError('TOKEN_USED', 'Used.'));
    expect(used.status).toBe(410);
    const bug = await toJsonResponse(new Error('at Object.<anonymous> (/srv/app/lib/x.ts:1:1)'));
    expect(bug.status).toBe(500);
    expect(await bug.text()).not.toContain('/srv/app');
  });

  const post = (body: BodyInit, type = 'application/json', extra: Record<string, string> = {}) =>
    new Request('http://localhost/api/x', { method: 'POST', body, headers: { 'content-type': type, ...extra }, duplex: 'half' } as RequestInit);

  it('refuses other content types, oversized bodies (declared or not), malformed JSON and non-objects', async () => {
    await expect(readJsonBody(post('{}', 'text/plain'))).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(readJsonBody(post('{}', 'application/json', { 'content-length': '99999999' }))).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 100; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        c.close();
      },
    });
    await expect(readJsonBody(post(stream as unknown as BodyInit))).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expect(readJsonBody(post('{"a":'))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(readJsonBody(post('[1,2]'))).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await readJsonBody(post('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ a: 1 });
  });
});
