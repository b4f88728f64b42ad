export const spotting = {} as const;
