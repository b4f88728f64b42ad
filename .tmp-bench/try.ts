import suite from '../scripts/bench/suites/server';
const figures = await suite.run({ root: process.cwd(), browser: () => { throw new Error('no'); }, log: (l) => console.log(l) });
console.log(JSON.stringify(figures, null, 1));
