// The protocol's OpenAPI 3.1 document, generated from the shared zod schemas (zod 4's JSON Schema output):
// the schemas stay the one definition, and server/openapi.json (checked in, tested equal) shows it to readers.
import { type ZodType, z } from 'zod';
import { ComplaintSchema } from '../lib/register/schema';
import {
  AgentListSchema,
  ErrorSchema,
  HealthSchema,
  MeSchema,
  NewAgentRequestSchema,
  NewAgentResponseSchema,
  OperationSchema,
  OutcomeSchema,
  PullQuerySchema,
  PullResponseSchema,
  PushRequestSchema,
  PushResponseSchema,
  ReferenceBlockRequestSchema,
  ReferenceBlockSchema,
  SettingsBodySchema,
  SyncEventSchema,
  TeamListSchema,
  TemplateBodySchema,
  TemplateDeletedSchema,
  TemplateKeySchema,
} from '../lib/sync/protocol';

/** Named schemas: each becomes components/schemas/<id>, and references between them become $ref. */
const NAMED: [ZodType, string][] = [
  [ComplaintSchema, 'Complaint'],
  [SyncEventSchema, 'SyncEvent'],
  [OperationSchema, 'Operation'],
  [OutcomeSchema, 'Outcome'],
  [PushRequestSchema, 'PushRequest'],
  [PushResponseSchema, 'PushResponse'],
  [PullQuerySchema, 'PullQuery'],
  [PullResponseSchema, 'PullResponse'],
  [ReferenceBlockRequestSchema, 'ReferenceBlockRequest'],
  [ReferenceBlockSchema, 'ReferenceBlock'],
  [SettingsBodySchema, 'Settings'],
  [TemplateBodySchema, 'Template'],
  [ErrorSchema, 'Error'],
  [HealthSchema, 'Health'],
  [MeSchema, 'Me'],
  [NewAgentRequestSchema, 'NewAgentRequest'],
  [NewAgentResponseSchema, 'NewAgentResponse'],
  [AgentListSchema, 'AgentList'],
  [TeamListSchema, 'TeamList'],
  [TemplateDeletedSchema, 'TemplateDeleted'],
];

function components(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of NAMED) registry.add(schema, { id });
  // io 'input': the document says what a client may send (fields with defaults are optional).
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
    io: 'input',
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema as Record<string, unknown>]),
  );
}

const ref = (schema: ZodType) => ({ $ref: `#/components/schemas/${NAMED.find(([s]) => s === schema)?.[1]}` });
const body = (schema: ZodType) => ({ required: true, content: { 'application/json': { schema: ref(schema) } } });
const answer = (description: string, schema?: ZodType) => ({
  description,
  ...(schema ? { content: { 'application/json': { schema: ref(schema) } } } : {}),
});
const errors = {
  400: answer('Corps ou paramètres invalides (message en français)', ErrorSchema),
  401: answer('Jeton manquant, inconnu ou révoqué', ErrorSchema),
  403: answer('Rôle insuffisant (un auditeur n’écrit pas ; réglages : responsables)', ErrorSchema),
  429: answer('Trop de requêtes pour ce jeton', ErrorSchema),
};
const secured = { security: [{ bearer: [] }] };
/** A conditional GET (server/conditional-get.ts): the ETag of the answer, and 304 for a tag still current. */
const etag = { ETag: { description: 'Validateur fort du contenu rendu', schema: { type: 'string' } } };
const conditional = {
  parameters: [
    {
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'ETag de la dernière réponse : 304 sans corps si le contenu n’a pas changé',
      schema: { type: 'string' },
    },
  ],
};
const notModified = { 304: { description: 'Inchangé depuis l’ETag envoyé (aucun corps)', headers: etag } };
const withTag = (a: ReturnType<typeof answer>) => ({ ...a, headers: etag });

export function openApiDocument(): Record<string, unknown> {
  const schemas = components();
  const pullQuery = schemas.PullQuery as { properties: Record<string, unknown> };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Registre des réclamations — serveur d’équipe',
      version: '1',
      description:
        'Protocole push/pull du registre partagé (issue 12). Corps JSON validés par les schémas zod de lib/sync.',
    },
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/health': { get: { summary: 'État du service', responses: { 200: answer('En service', HealthSchema) } } },
      '/openapi.json': { get: { summary: 'Ce document', responses: { 200: answer('Document OpenAPI') } } },
      '/me': {
        get: {
          summary: 'L’agent du jeton et la version du protocole',
          ...secured,
          responses: { 200: answer('Agent', MeSchema), ...errors },
        },
      },
      '/push': {
        post: {
          summary: 'Envoie jusqu’à 200 opérations (idempotent par identifiant d’évènement)',
          ...secured,
          requestBody: body(PushRequestSchema),
          responses: { 200: answer('Sort de chaque opération', PushResponseSchema), ...errors },
        },
      },
      '/pull': {
        get: {
          summary: 'Évènements et fiches modifiés après un curseur (attente jusqu’à 25 s)',
          ...secured,
          parameters: Object.entries(pullQuery.properties).map(([name, schema]) => ({ name, in: 'query', schema })),
          responses: { 200: answer('Page du flux', PullResponseSchema), ...errors },
        },
      },
      '/references/blocks': {
        post: {
          summary: 'Remet un bloc de références officielles à l’agent',
          ...secured,
          requestBody: body(ReferenceBlockRequestSchema),
          responses: { 200: answer('Bloc remis', ReferenceBlockSchema), ...errors },
        },
      },
      '/settings': {
        get: {
          summary: 'Réglages de l’organisation (requête conditionnelle possible)',
          ...secured,
          ...conditional,
          responses: { 200: withTag(answer('Réglages', SettingsBodySchema)), ...notModified, ...errors },
        },
        put: {
          summary: 'Modifie les réglages (responsables)',
          ...secured,
          requestBody: body(SettingsBodySchema),
          responses: { 200: answer('Réglages enregistrés', SettingsBodySchema), ...errors },
        },
      },
      '/templates': {
        get: {
          summary: 'Modèles de courrier de l’organisation (requête conditionnelle possible)',
          ...secured,
          ...conditional,
          responses: { 200: withTag(answer('Modèles')), ...notModified, ...errors },
        },
        put: {
          summary: 'Enregistre un modèle (responsables)',
          ...secured,
          requestBody: body(TemplateBodySchema),
          responses: { 200: answer('Modèle enregistré', TemplateBodySchema), ...errors },
        },
      },
      '/templates/{templateId}/{lang}': {
        delete: {
          summary: 'Supprime la copie d’un modèle : la lettre livrée revient pour tous (responsables)',
          ...secured,
          parameters: Object.entries(z.toJSONSchema(TemplateKeySchema).properties ?? {}).map(([name, schema]) => ({
            name,
            in: 'path',
            required: true,
            schema,
          })),
          responses: { 200: answer('Copie supprimée, ou aucune à supprimer', TemplateDeletedSchema), ...errors },
        },
      },
      '/team': {
        get: {
          summary: 'Les agents actifs de l’équipe, noms et rôles (tout rôle : choix de l’agent attribué)',
          ...secured,
          responses: { 200: answer('Agents de l’équipe', TeamListSchema), ...errors },
        },
      },
      '/agents': {
        get: {
          summary: 'Agents de l’organisation (responsables)',
          ...secured,
          responses: { 200: answer('Agents', AgentListSchema), ...errors },
        },
        post: {
          summary: 'Ajoute un agent et rend son jeton, une seule fois (responsables)',
          ...secured,
          requestBody: body(NewAgentRequestSchema),
          responses: { 201: answer('Agent ajouté', NewAgentResponseSchema), ...errors },
        },
      },
      '/agents/{id}/revoke': {
        post: {
          summary: 'Révoque le jeton d’un agent de l’organisation (responsables)',
          ...secured,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            200: answer('Jeton révoqué'),
            404: answer('Aucun agent actif de l’organisation avec cet identifiant', ErrorSchema),
            409: answer('Un responsable ne révoque pas son propre jeton', ErrorSchema),
            ...errors,
          },
        },
      },
      '/audit/register': {
        get: {
          summary: 'Vue d’audit : une ligne par réclamation (auditeurs, responsables)',
          ...secured,
          responses: { 200: answer('Lignes'), ...errors },
        },
      },
    },
  };
}
