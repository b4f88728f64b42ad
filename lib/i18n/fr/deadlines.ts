export const deadlines = {} as const;
