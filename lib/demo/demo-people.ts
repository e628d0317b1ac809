// The made-up people of the demo dataset. First names are common ones; surnames are invented so no
// demo signer can be mistaken for a real person, and addresses use a reserved domain (RFC 2606's
// `.invalid`) that can never receive mail.

export const DEMO_EMAIL_DOMAIN = 'demo.ratify.invalid';

export const DEMO_FIRST_NAMES = [
  'Ada', 'Amir', 'Beatriz', 'Caleb', 'Chioma', 'Dana', 'Elena', 'Farah', 'Gabriel', 'Hana', 'Imani', 'Jonah',
  'Keiko', 'Luis', 'Maya', 'Noor', 'Owen', 'Priya', 'Quinn', 'Rosa', 'Samir', 'Tessa', 'Uma', 'Victor',
  'Wren', 'Xavier', 'Yara', 'Zoe', 'Malik', 'Ingrid', 'Tomás', 'Leila',
] as const;

export const DEMO_LAST_NAMES = [
  'Brambleton', 'Quillfeather', 'Marrowby', 'Thistlewood', 'Fenwhistle', 'Oakhollow', 'Larkspur', 'Pebbleford',
  'Wintercress', 'Hollowmere', 'Ashbury-Vale', 'Copperkettle', 'Driftmoor', 'Emberlyn', 'Foxglover', 'Glimmerdale',
  'Honeywell-Stone', 'Ivybridge', 'Juniperton', 'Kestrelwood', 'Lanternfield', 'Mistlemore', 'Nettlecombe', 'Orchardine',
] as const;

/** Where demo signers came from ('' is a direct visit). */
export const DEMO_SOURCES: readonly (readonly [string, number])[] = [
  ['', 5],
  ['newsletter', 3],
  ['facebook', 2],
  ['bluesky', 1.5],
  ['partner-site', 1.5],
  ['press', 0.5],
];

/** Roughly by population, so the map looks like a real campaign's, not uniform noise. */
export const DEMO_STATE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['CA', 39], ['TX', 30], ['FL', 22], ['NY', 20], ['PA', 13], ['IL', 12.5], ['OH', 11.8], ['GA', 11], ['NC', 10.7],
  ['MI', 10], ['NJ', 9.3], ['VA', 8.7], ['WA', 7.8], ['AZ', 7.4], ['TN', 7], ['MA', 7], ['IN', 6.8], ['MD', 6.2],
  ['MO', 6.2], ['WI', 5.9], ['CO', 5.8], ['MN', 5.7], ['SC', 5.3], ['AL', 5.1], ['LA', 4.6], ['KY', 4.5], ['OR', 4.2],
  ['OK', 4], ['CT', 3.6], ['UT', 3.4], ['IA', 3.2], ['NV', 3.2], ['AR', 3], ['MS', 2.9], ['KS', 2.9], ['NM', 2.1],
  ['NE', 2], ['ID', 1.9], ['WV', 1.8], ['HI', 1.4], ['NH', 1.4], ['ME', 1.4], ['MT', 1.1], ['RI', 1.1], ['DE', 1],
  ['SD', 0.9], ['ND', 0.8], ['AK', 0.7], ['VT', 0.6], ['WY', 0.6],
];
