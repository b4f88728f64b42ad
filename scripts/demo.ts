// `npm run demo`: Chromium with the freshly built extension, on the offline demo mailbox (a Gmail-like page
// served locally at mail.google.com inside this browser only) and the register page. One overdue complaint
// is logged on first run so the badge and a chip show at once. Without a display (a server, CI), Chromium
// runs headless and the script says so.
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSION_DIR, launch } from '../tests/browser/support/chromium';
import { installDemoMailbox, seedDemoRegister } from './demo/mailbox';

const PROFILE = resolve(import.meta.dirname, '../.demo-profile');

async function main() {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    console.error('Extension non construite : lancez « npm run build » puis recommencez.');
    process.exit(1);
  }
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  mkdirSync(PROFILE, { recursive: true });
  const session = await launch({ headless, userDataDir: PROFILE });
  const now = new Date();
  const mailbox = await installDemoMailbox(session.context, now);
  const register = await session.openPage('sidepanel.html');
  if (mailbox) {
    const seed = await seedDemoRegister(register, now);
    if (seed.seeded) console.log(`Réclamation d’exemple consignée : ${seed.reference} (en retard).`);
    await (await session.context.newPage()).goto(mailbox);
  }
  console.log(`Extension chargée depuis ${EXTENSION_DIR} (id ${session.extensionId}).`);
  console.log(`Registre : chrome-extension://${session.extensionId}/sidepanel.html`);
  if (mailbox) console.log(`Boîte de démonstration hors ligne : ${mailbox}`);
  console.log(
    'Pour l’installer dans votre Chrome : chrome://extensions → Mode développeur → « Charger l’extension non empaquetée » → ce dossier.',
  );
  if (headless) {
    const shot = resolve(import.meta.dirname, '../.demo-profile/registre.png');
    await register.screenshot({ path: shot });
    console.log(
      `Aucun écran détecté : Chromium tourne sans fenêtre. Capture du registre : ${shot}. Ctrl+C pour arrêter.`,
    );
  } else {
    console.log('Fermez la fenêtre de Chromium pour arrêter la démonstration.');
  }
  await new Promise<void>((done) => {
    session.context.on('close', () => done());
    process.on('SIGINT', () => void session.close().then(done));
    process.on('SIGTERM', () => void session.close().then(done));
  });
}

void main();
