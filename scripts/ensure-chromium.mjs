// Playwright's own browser download does not work here: the e2e suite runs Debian's Chromium.
// This installs it with apt-get when it is missing, so `npm test` passes on a fresh machine.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  process.exit(0);
}
console.log(`[ensure-chromium] ${CHROMIUM} is missing: installing Debian's chromium with apt-get`);
const sudo = process.getuid && process.getuid() === 0 ? '' : 'sudo ';
try {
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit' });
  execSync(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, { stdio: 'inherit' });
} catch (error) {
  console.error(`[ensure-chromium] could not install chromium: ${error.message}`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`[ensure-chromium] chromium installed but ${CHROMIUM} is still missing; set CHROMIUM_PATH`);
  process.exit(1);
}
