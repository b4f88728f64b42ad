// What the browser tests save before a letter is inserted: a company that can sign a letter (address and
// email, as the mediator block requires) and the agent who signs; and the overdue phone complaint the
// badge tests create.

export function letterSettings(signer: string, contact: { email?: string; phone?: string } = {}) {
  return {
    company: {
      name: 'Maison Lumen',
      address: '12 rue des Lampes, 69002 Lyon',
      email: contact.email ?? 'service-client@maison-lumen.fr',
      phone: contact.phone ?? '04 00 00 00 00',
      website: '',
    },
    signature: { name: signer, title: 'Service clients' },
    agentName: signer,
  };
}

/** A phone complaint received in June 2025: long overdue, so the badge counts it. */
export const OVERDUE_PHONE_COMPLAINT = {
  receivedAt: '2025-06-02T08:00:00Z',
  channel: 'phone',
  customer: { name: 'Jeanne Petit' },
  subject: 'Facture erronée',
  category: 'facturation',
} as const;
