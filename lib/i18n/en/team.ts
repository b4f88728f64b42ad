import type { team as fr } from '../fr/team';

export const team: Record<keyof typeof fr, string> = {
  'team.title': 'Team register',
  'team.help':
    'Without a server the register stays in this browser. To work on your team’s shared register, enter the server address and the agent token your manager gave you.',
  'team.server': 'Server address',
  'team.serverManaged': 'Address set by your company (browser policy).',
  'team.token': 'Agent token',
  'team.connect': 'Connect',
  'team.connecting': 'Connecting…',
  'team.disconnect': 'Disconnect',
  'team.disconnected': 'Disconnected: the local copy of the register is kept.',
  'team.connectedAs': 'Connected to “{org}” as {name} ({role}).',
  'team.role.agent': 'agent',
  'team.role.manager': 'manager',
  'team.role.auditor': 'auditor',
  'team.tokenKept': 'The token is kept apart from the settings: it is in no backup and no export.',
  'team.permissionDenied': 'The browser did not allow reaching {origin}: connection cancelled.',
  'team.error.address': 'Invalid address: enter https://… (http:// only for 127.0.0.1 or localhost).',
  'team.error.token': 'Paste the agent token as it was shown (letters, digits, - and _).',
  'team.error.revoked': 'Unknown or revoked token: ask your manager for a new one.',
  'team.error.unreachable': 'The server {origin} does not answer.',
  'team.error.answer': 'The server gave an unexpected answer ({status}).',
  'team.error.server': 'The server refuses: {message}',
  'team.error.newerProtocol':
    'The server speaks a newer protocol version ({server}) than this extension ({mine}): update the extension. Sync is stopped; your changes are kept waiting.',
  'team.error.notConnected': 'No team register is set up.',
  'team.pending': '{count} change(s) waiting to be sent.',
  'team.error.readOnly':
    'You are an auditor of this team register: you can read it but not write to it. Nothing was changed.',
  'team.error.forbidden': 'The server refuses access (403): {message} Your changes are kept waiting.',
  'team.error.restore':
    'Restore refused: this browser holds the copy of a team register, and the server is the register of record. A restore would replace this copy without sending anything to the team; the shared register comes back by syncing with the server.',
  'team.error.retention':
    'In a team register, only a manager anonymises for the end of the retention period ({reference}).',

  'team.onboard.waiting':
    'This register held {count} complaint(s) when you joined the team. They stay in this browser until you send them.',
  'team.onboard.help':
    'Each one goes with its history. A reference the team register already uses is replaced by an official one from the server; the old one stays in the history.',
  'team.onboard.send': 'Send these complaints to the team',
  'team.onboard.sending': 'Sending…',
  'team.onboard.done': '{queued} complaint(s) sent to the team.',
  'team.onboard.kept': '{kept} anonymised or unreadable complaint(s) stay in this browser only.',
  'team.error.orgManaged': 'Letter templates are set by your organisation: only a manager edits them.',
  'team.orgDefined': 'Set by your organisation',
  'team.orgSettings.saved': 'Saved for the whole organisation.',

  'sync.title': 'Sync',
  'sync.state.connected': 'In sync',
  'sync.state.syncing': 'Syncing…',
  'sync.state.offline': 'Offline',
  'sync.state.revoked': 'Token revoked',
  'sync.state.unreachable': 'Server unreachable',
  'sync.state.permission': 'Permission withdrawn',
  'sync.state.newerProtocol': 'Extension needs an update',
  'sync.state.forbidden': 'Refused by the server',
  'sync.reason.offline': 'The browser is offline: changes will be sent when the network is back.',
  'sync.reason.revoked':
    'The server refuses this token (revoked): your changes are kept waiting; connect again with a new token in the options.',
  'sync.reason.unreachable': 'The server does not answer: changes will be sent as soon as it does.',
  'sync.reason.permission':
    'Permission to reach the server was withdrawn: connect again from the options to give it back.',
  'sync.reason.forbidden':
    'The server refuses access to your account (403): {message} Your changes are kept waiting; check your role with your manager.',
  'sync.reason.newerProtocol':
    'The server speaks a newer protocol version ({server}) than this extension ({mine}): update the extension. Your changes are kept waiting.',
  'sync.reason.serverError':
    'The server answered with an error ({detail}): your changes are kept waiting and will be sent as soon as it accepts them.',
  'sync.pending': '{count} waiting',
  'sync.lastSync': 'Last sync: {time}',
  'sync.never': 'Never synced',
  'sync.retry': 'Retry',
  'sync.provisional': 'Provisional reference: the server will assign the official one.',
  'sync.conflict.title': 'Conflict: the same field was changed by two agents',
  'sync.conflict.mine': 'Your value',
  'sync.conflict.theirs': '{name}’s value',
  'sync.conflict.keepMine': 'Keep mine',
  'sync.conflict.keepTheirs': 'Keep {name}’s',
  'sync.conflict.field': 'Field “{path}”',
  'sync.conflict.when': 'changed on {time}',
  'sync.refused': 'Change refused by the team register: {reason}',
  'sync.quarantined': '{count} record(s) received from the server could not be read and were set aside.',
  'sync.teamActor': 'Team register',
  'sync.brokenChain': 'history received from the server whose chain does not verify',
};
