export const webmail = {} as const;
