// The package ships no types. It returns, for one year, each holiday name mapped to a Date built
// with local-time `new Date(y, m, d)` (see calendar.ts for how we read it whatever the machine zone).
declare module '@socialgouv/jours-feries' {
  export default function joursFeries(year: number | string, options?: { alsace?: boolean }): Record<string, Date>;
}
