import type { helpdesk as fr } from '../fr/helpdesk';

export const helpdesk: Record<keyof typeof fr, string> = {
  'helpdesk.system.gmail': 'Gmail',
  'helpdesk.system.outlook': 'Outlook',
  'helpdesk.system.zendesk': 'Zendesk',
  'helpdesk.system.freescout': 'FreeScout',
  'helpdesk.system.manual': 'manual entry',
  'helpdesk.openSource': 'Open the conversation',
  'helpdesk.openSourceLabel': 'Open the original conversation in {system}',
  'helpdesk.readVia.api': 'Ticket read through the Zendesk API (the agent’s session).',
  'helpdesk.readVia.dom': 'Ticket read from the page (Zendesk API unavailable).',
  'helpdesk.options.title': 'Helpdesks',
  'helpdesk.options.intro':
    'Gmail and Outlook are always on. A helpdesk is on only at the address you enter: the browser then asks your permission for that address alone.',
  'helpdesk.options.originLabel.freescout': 'Address of your FreeScout (https://…)',
  'helpdesk.options.originLabel.zendesk': 'Zendesk subdomain (company or company.zendesk.com)',
  'helpdesk.options.enable': 'Enable',
  'helpdesk.options.remove': 'Remove {origin}',
  'helpdesk.options.none': 'No address enabled.',
  'helpdesk.options.enabled': '{origin} enabled. Reload the tabs of this helpdesk that are already open.',
  'helpdesk.options.refused': 'The browser did not grant access to {origin}.',
  'helpdesk.options.invalid.freescout': 'Enter an https address, for example https://support.company.com.',
  'helpdesk.options.invalid.zendesk': 'Enter a Zendesk subdomain, for example company or company.zendesk.com.',
  'helpdesk.options.failed': 'Could not enable: {error}',
};
