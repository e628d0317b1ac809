import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LetterForm } from '@/components/letter/letter-form';
import { initialLetterState } from '@/lib/forms/letter';

// The letter form as the server renders it (it works without JavaScript): with the Senate's CWC
// channel on it asks for a title and a street address and says why; with it off, neither is required.
const render = (requireStreet: boolean) =>
  renderToStaticMarkup(
    createElement(LetterForm, {
      action: () => {},
      state: initialLetterState,
      pending: false,
      guardToken: 'token',
      minFillSeconds: 3,
      consent: { offers: [], refOnlyPartnerBox: false },
      draft: { salutation: 'Dear Senator {{senator_last_name}},', subject: 'Please ratify', body: 'Please vote yes.' },
      senators: [{ name: 'Amy Klobuchar', lastName: 'Klobuchar', stateName: 'Minnesota' }],
      stateCode: 'MN',
      zip: '55403',
      requirePersonalSentence: false,
      requireStreet,
      organisationName: 'Coalition for Child Rights',
      treaty: { treatyName: 'Optional Protocol', treatyShortName: 'OPSC' },
    }),
  );

const labelled = (html: string, label: string) => new RegExp(`<label[^>]*>${label}</label>`).test(html);
/** The opening tag of the control called `name`. */
const control = (html: string, tag: 'input' | 'select', name: string) => new RegExp(`<${tag}[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? '';

describe('the letter form and the CWC channel', () => {
  it('asks for a title, street and city, and explains why, when the channel is on', () => {
    const html = render(true);
    expect(labelled(html, 'Street address')).toBe(true);
    expect(labelled(html, 'City')).toBe(true);
    expect(labelled(html, 'Title')).toBe(true);
    expect(control(html, 'input', 'street')).toContain('required=""');
    expect(control(html, 'input', 'city')).toContain('required=""');
    expect(control(html, 'select', 'prefix')).toContain('required=""');
    for (const t of ['Mr.', 'Mrs.', 'Ms.', 'Miss', 'Dr.']) expect(html).toContain(`<option value="${t}">${t}</option>`);
    expect(html).toContain('the Senate’s own service for constituent mail');
    expect(html).toContain('full postal address');
  });

  it('keeps them optional, and asks no title, when the channel is off', () => {
    const html = render(false);
    expect(labelled(html, 'Street address \\(optional\\)')).toBe(true);
    expect(labelled(html, 'City \\(optional\\)')).toBe(true);
    expect(html).not.toContain('name="prefix"');
    expect(control(html, 'input', 'street')).toMatch(/^<input/);
    expect(control(html, 'input', 'street')).not.toContain('required');
  });
});
