// Facts about the first campaign's treaty, taken from the coalition page in shared/seed/ and the
// public record. The campaign copy is our own words. Stage and counts are data: staff update them.

export const coalition = {
  slug: 'childrens-protocol-coalition',
  kind: 'host' as const,
  name: "Children's Protocol Coalition",
  tagline: 'US organisations working for Senate ratification of the treaties that protect children.',
  website: null as string | null,
};

export const opscTreaty = {
  slug: 'opsc',
  name: 'Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography',
  shortName: 'Optional Protocol on the Sale of Children',
  summary:
    'A protocol to the Convention on the Rights of the Child that asks governments to criminalise the sale and sexual exploitation of children, work together across borders, prevent abuse and care for survivors.',
  adoptedOn: '2000-05-25',
  usSignedOn: '2000-07-05',
  // As described by the coalition page the campaign was created from: signed, awaiting the
  // Senate Foreign Relations Committee. Later steps are recorded as stage events when they happen.
  stage: 'in_committee' as const,
  signatoriesCount: 89,
  statesPartiesCount: 16,
  // Cited in words a reader understands (never a file path): the page itself is not online any more.
  countsSource: 'the US NGO coalition’s campaign page for the Optional Protocol, early 2002',
  countsAsOf: '2002-01-18',
  partiesListed: ['Democratic Republic of Congo', 'Holy See', 'Sierra Leone', 'Viet Nam'],
  stageEvents: [
    {
      stage: 'adopted' as const,
      occurredOn: '2000-05-25',
      note: 'Adopted by the UN General Assembly together with the protocol on children in armed conflict.',
      sourceTitle: 'UN General Assembly resolution 54/263',
      sourceUrl: 'https://undocs.org/A/RES/54/263',
    },
    {
      stage: 'signed' as const,
      occurredOn: '2000-07-05',
      note: 'Signed for the United States by President Clinton.',
      sourceTitle: 'UN Treaty Collection, chapter IV.11.c',
      sourceUrl: 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-11-c&chapter=4',
    },
    {
      stage: 'in_committee' as const,
      occurredOn: '2000-07-25',
      note: 'Sent to the Senate and referred to the Committee on Foreign Relations.',
      sourceTitle: 'The US NGO coalition’s campaign page for the Optional Protocol (2002)',
      sourceUrl: null,
    },
  ],
};

export const demoCampaign = {
  slug: 'protect-children-protocol',
  title: 'Ask the Senate to ratify the protocol against the sale of children',
  summary:
    'Every year about a million children are drawn into the commercial sex trade. A UN protocol sets out what governments must do about it. Ask your senators to give their consent.',
  petitionGoal: 5000,
  storyMd: `## Why this matters

Around a million children — most of them girls — are pulled into the global commercial sex trade every year, an industry worth billions. Some are tricked with the promise of school or a decent job; others are abducted outright. The children most at risk are the ones with the least protection already: refugees, orphans, children abandoned by their families, children working as domestic servants, and children living through war. Traffickers increasingly target younger girls, driven by the false belief that they are less likely to carry HIV.

## What the protocol asks of governments

The Optional Protocol on the sale of children, child prostitution and child pornography commits the countries that join it to:

- **prosecute** the adults who organise, profit from and take part in the trade;
- **cooperate** with other governments on investigations and prosecutions that cross borders;
- **prevent** sexual exploitation and abuse, with particular attention to the children most at risk;
- **care for survivors**, so that children who have been exploited receive medical, social and educational support.

## Where the United States stands

The United States signed the protocol in July 2000, and it was sent to the Senate Foreign Relations Committee. A treaty only binds the country once two-thirds of the Senate — 67 senators — consent to it. When the coalition began this campaign, 16 countries had ratified the protocol and 89 had signed it.

The protocol stands on its own: the Senate can approve it without first ratifying the Convention on the Rights of the Child. Ratifying it would put the United States in a stronger position to fight one of the worst abuses of children anywhere.

## What you can do

Find your two senators, send them a letter in your own words, and add your name to the petition. Senators on the Foreign Relations Committee decide whether the protocol reaches the floor, so letters to them count twice.`,
  letterSubjectTemplate: 'Please support ratification of the {{treaty_short_name}}',
  letterBodyTemplate: `Dear {{senator_title}} {{senator_last_name}},

As your constituent in {{supporter_city_state}}, I am writing to ask you to support Senate consent to the {{treaty_name}}.

The protocol commits governments to prosecute those who buy and sell children for sex, to work together across borders, to prevent abuse and to care for the children who survive it. The United States signed it in 2000; it now needs the consent of two-thirds of the Senate.

Please let me know where you stand, and urge the Committee on Foreign Relations to act.

Sincerely,
{{supporter_name}}
{{supporter_city_state}}`,
};
