// Windows code signing through Microsoft's signtool for a certificate whose private key sits on a hardware
// token or an HSM (CAs issue code-signing keys only on such hardware since 2023). electron-builder calls it
// for every file it signs (kopru.exe, the uninstaller, the installer) once it is enabled on the command line:
//
//   npx electron-builder --win nsis -c.win.signtoolOptions.sign=./build/sign.mjs
//
// Everything comes from the environment; nothing is stored in the repository and nothing is faked: when
// the variables are missing the build stops with an error naming them. Without this hook, electron-builder
// signs with a .pfx from CSC_LINK / WIN_CSC_LINK, or leaves the build unsigned (docs/PACKAGING.md).
//
//   KOPRU_SIGN_TIMESTAMP_URL   RFC 3161 time-stamp server of the CA (required).
//   and either
//   KOPRU_SIGN_CERT_SHA1       thumbprint of the certificate in the Windows certificate store (the token's
//                              minidriver puts it there; signtool asks for the PIN)
//   KOPRU_SIGN_MACHINE_STORE   "1" to look in the local machine store instead of the current user's
//   or
//   KOPRU_SIGN_CERT_FILE       the certificate (public part, .cer/.crt) …
//   KOPRU_SIGN_CSP             … the token/HSM's cryptographic provider (e.g. "eToken Base Cryptographic Provider") …
//   KOPRU_SIGN_KEY_CONTAINER   … and the key container, which for some tokens carries the PIN (a secret)
//
//   KOPRU_SIGNTOOL             path to signtool.exe (default: signtool.exe on PATH, from the Windows SDK)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';

export class SigningConfigurationError extends Error {}

/** The signtool arguments for one file, from the environment; throws SigningConfigurationError naming what is missing. */
export function signtoolArguments(file, env = process.env, description = {}) {
  const value = (name) => (env[name] ?? '').trim();
  const timestamp = value('KOPRU_SIGN_TIMESTAMP_URL');
  const sha1 = value('KOPRU_SIGN_CERT_SHA1').replace(/\s+/g, '');
  const certFile = value('KOPRU_SIGN_CERT_FILE');
  const csp = value('KOPRU_SIGN_CSP');
  const container = value('KOPRU_SIGN_KEY_CONTAINER');

  const missing = [];
  if (!timestamp) missing.push('KOPRU_SIGN_TIMESTAMP_URL');
  const keyArgs = [];
  if (sha1) {
    if (certFile || csp || container) {
      throw new SigningConfigurationError(
        'build/sign.mjs: set either KOPRU_SIGN_CERT_SHA1 or KOPRU_SIGN_CERT_FILE + KOPRU_SIGN_CSP + KOPRU_SIGN_KEY_CONTAINER, not both.',
      );
    }
    keyArgs.push('/sha1', sha1);
    if (value('KOPRU_SIGN_MACHINE_STORE') === '1') keyArgs.push('/sm');
  } else if (certFile || csp || container) {
    for (const [name, v] of [['KOPRU_SIGN_CERT_FILE', certFile], ['KOPRU_SIGN_CSP', csp], ['KOPRU_SIGN_KEY_CONTAINER', container]]) {
      if (!v) missing.push(name);
    }
    keyArgs.push('/f', certFile, '/csp', csp, '/kc', container);
  } else {
    missing.push('KOPRU_SIGN_CERT_SHA1 (or KOPRU_SIGN_CERT_FILE + KOPRU_SIGN_CSP + KOPRU_SIGN_KEY_CONTAINER)');
  }
  if (missing.length > 0) {
    throw new SigningConfigurationError(
      `build/sign.mjs was asked to sign ${path.basename(file)} but these environment variables are not set: ${missing.join(', ')}. ` +
        'See docs/PACKAGING.md ("Code signing"); build without -c.win.signtoolOptions.sign for an unsigned installer.',
    );
  }

  const args = ['sign', ...keyArgs, '/fd', 'sha256', '/tr', timestamp, '/td', 'sha256'];
  if (description.name) args.push('/d', description.name);
  if (description.site) args.push('/du', description.site);
  args.push(file);
  return args;
}

/** electron-builder's custom sign hook (win.signtoolOptions.sign). */
export async function sign(configuration) {
  const file = configuration.path;
  if (configuration.hash !== 'sha256') {
    throw new SigningConfigurationError(
      `build/sign.mjs signs with SHA-256 only, but electron-builder asked for ${configuration.hash}: keep win.signtoolOptions.signingHashAlgorithms at [sha256].`,
    );
  }
  if (process.platform !== 'win32') {
    throw new SigningConfigurationError('build/sign.mjs runs signtool, which exists only on Windows: build the signed installer on Windows.');
  }
  const args = signtoolArguments(file, process.env, { name: configuration.name, site: configuration.site });
  const signtool = (process.env.KOPRU_SIGNTOOL ?? '').trim() || 'signtool.exe';
  // The arguments may hold a token PIN (KOPRU_SIGN_KEY_CONTAINER): they are not logged.
  process.stdout.write(`  • signing ${path.basename(file)} with ${path.basename(signtool)}\n`);
  execFileSync(signtool, args, { stdio: 'inherit' });
  // A signature that does not chain to a trusted root fails here, not on the user's machine.
  execFileSync(signtool, ['verify', '/pa', file], { stdio: 'inherit' });
}

export default sign;
