// The team register (issue 13): joining a team in the options, and the side panel's sync indicator.
export const team = {
  'team.title': 'Registre d’équipe',
  'team.help':
    'Sans serveur, le registre reste dans ce navigateur. Pour travailler sur le registre partagé de votre équipe, indiquez l’adresse du serveur et le jeton d’agent que votre responsable vous a remis.',
  'team.server': 'Adresse du serveur',
  'team.serverManaged': 'Adresse fixée par votre entreprise (stratégie du navigateur).',
  'team.token': 'Jeton d’agent',
  'team.connect': 'Se connecter',
  'team.connecting': 'Connexion…',
  'team.disconnect': 'Se déconnecter',
  'team.disconnected': 'Déconnecté : la copie locale du registre est conservée.',
  'team.connectedAs': 'Connecté à « {org} » en tant que {name} ({role}).',
  'team.role.agent': 'agent',
  'team.role.manager': 'responsable',
  'team.role.auditor': 'auditeur',
  'team.tokenKept': 'Le jeton est gardé à part des paramètres : il ne figure dans aucune sauvegarde ni aucun export.',
  'team.permissionDenied': 'Le navigateur n’a pas donné l’autorisation de joindre {origin} : la connexion est annulée.',
  'team.error.address': 'Adresse invalide : indiquez https://… (http:// seulement pour 127.0.0.1 ou localhost).',
  'team.error.token': 'Collez le jeton d’agent tel qu’il a été affiché (lettres, chiffres, - et _).',
  'team.error.revoked': 'Jeton inconnu ou révoqué : demandez un nouveau jeton à votre responsable.',
  'team.error.unreachable': 'Le serveur {origin} ne répond pas.',
  'team.error.answer': 'Le serveur a répondu de façon inattendue ({status}).',
  'team.error.server': 'Le serveur refuse : {message}',
  'team.error.newerProtocol':
    'Le serveur parle une version plus récente du protocole ({server}) que cette extension ({mine}) : mettez l’extension à jour. La synchronisation est arrêtée ; vos changements restent en attente.',
  'team.error.notConnected': 'Aucun registre d’équipe n’est configuré.',
  'team.pending': '{count} changement(s) en attente d’envoi.',
  'team.error.readOnly':
    'Vous êtes auditeur de ce registre d’équipe : vous le consultez mais n’y écrivez pas. Rien n’a été modifié.',
  'team.error.forbidden': 'Le serveur refuse l’accès (403) : {message} Vos changements restent en attente.',
  'team.error.restore':
    'Restauration refusée : ce navigateur tient la copie d’un registre d’équipe, dont le serveur fait foi. Une restauration remplacerait cette copie sans rien envoyer à l’équipe ; le registre partagé se retrouve en se synchronisant avec le serveur.',
  'team.error.retention':
    'Dans un registre d’équipe, seul un responsable anonymise au titre de la durée de conservation ({reference}).',

  'team.onboard.waiting':
    'Ce registre contenait {count} réclamation(s) quand vous avez rejoint l’équipe. Elles restent dans ce navigateur tant que vous ne les envoyez pas.',
  'team.onboard.help':
    'Chacune part avec son historique. Une référence déjà prise dans le registre de l’équipe est remplacée par une référence officielle du serveur ; l’ancienne reste dans l’historique.',
  'team.onboard.send': 'Envoyer ces réclamations à l’équipe',
  'team.onboard.sending': 'Envoi…',
  'team.onboard.done': '{queued} réclamation(s) envoyée(s) à l’équipe.',
  'team.onboard.kept': '{kept} réclamation(s) anonymisée(s) ou illisible(s) restent dans ce navigateur seulement.',
  'team.error.orgManaged':
    'Les modèles de lettres sont définis par votre organisation : seul un responsable les modifie.',
  'team.orgDefined': 'Défini par votre organisation',
  'team.orgSettings.saved': 'Enregistré pour toute l’organisation.',

  'sync.title': 'Synchronisation',
  'sync.state.connected': 'Synchronisé',
  'sync.state.syncing': 'Synchronisation…',
  'sync.state.offline': 'Hors ligne',
  'sync.state.revoked': 'Jeton révoqué',
  'sync.state.unreachable': 'Serveur injoignable',
  'sync.state.permission': 'Autorisation retirée',
  'sync.state.newerProtocol': 'Extension à mettre à jour',
  'sync.state.forbidden': 'Refusé par le serveur',
  'sync.reason.offline': 'Le navigateur est hors ligne : les changements partiront au retour du réseau.',
  'sync.reason.revoked':
    'Le serveur refuse ce jeton (révoqué) : vos changements restent en attente ; reconnectez-vous avec un nouveau jeton dans les options.',
  'sync.reason.unreachable': 'Le serveur ne répond pas : les changements partiront dès qu’il répondra.',
  'sync.reason.permission':
    'L’autorisation de joindre le serveur a été retirée : reconnectez-vous depuis les options pour la redonner.',
  'sync.reason.forbidden':
    'Le serveur refuse l’accès à votre compte (403) : {message} Vos changements restent en attente ; voyez votre rôle avec votre responsable.',
  'sync.reason.newerProtocol':
    'Le serveur parle une version plus récente du protocole ({server}) que cette extension ({mine}) : mettez l’extension à jour. Vos changements restent en attente.',
  'sync.reason.serverError':
    'Le serveur a répondu par une erreur ({detail}) : vos changements restent en attente et partiront dès qu’il les acceptera.',
  'sync.pending': '{count} en attente',
  'sync.lastSync': 'Dernière synchronisation : {time}',
  'sync.never': 'Jamais synchronisé',
  'sync.retry': 'Réessayer',
  'sync.provisional': 'Référence provisoire : le serveur attribuera la référence officielle.',
  'sync.conflict.title': 'Conflit : le même champ a été modifié par deux agents',
  'sync.conflict.mine': 'Votre valeur',
  'sync.conflict.theirs': 'Valeur de {name}',
  'sync.conflict.keepMine': 'Garder la mienne',
  'sync.conflict.keepTheirs': 'Garder celle de {name}',
  'sync.conflict.field': 'Champ « {path} »',
  'sync.conflict.when': 'modifié le {time}',
  'sync.refused': 'Changement refusé par le registre d’équipe : {reason}',
  'sync.quarantined': '{count} enregistrement(s) reçu(s) du serveur illisible(s), mis de côté.',
  'sync.teamActor': 'Registre d’équipe',
  'sync.brokenChain': 'historique reçu du serveur dont la chaîne ne se vérifie pas',
};
