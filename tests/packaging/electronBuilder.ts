import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

// Drives electron-builder's own code (app-builder-lib, the version in node_modules) over this project without
// the Electron binary, which cannot be downloaded here.
//
// `packWithElectronBuilder` runs the real `Packager.build()`: electron-builder's config loader and schema
// validation, app info, framework, per-platform packagers (LinuxPackager, WinPackager) and targets. Only
// the platform packager's `pack()` is replaced, because the real one starts by unpacking the Electron
// binary. The replacement performs what `pack()` → `doPack()` → `copyAppFiles()` compute before anything is
// written, with the same functions and arguments: the main file matchers, electron-builder's node_modules
// collector (`npm list` over the real node_modules) and its node-module file filter, then `AsarPackager`'s
// own decision of which entries go into app.asar and which are unpacked, plus the extraResources walk and
// the fuse configuration. Requested targets are `dir`, so no installer is built; the targets the
// configuration selects are computed with electron-builder's `computeArchToTargetNamesMap`.
//
// app-builder-lib is CommonJS without published types for these internals, so the small surface used here is
// typed below. If electron-builder changes these internals, this file fails loudly rather than passing.

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const load = <T>(id: string): T => requireFromRoot(id) as T;

export type ArchName = 'x64' | 'arm64';
export type PlatformName = 'linux' | 'win';

interface PlatformObj {
  name: string;
  nodeName: string;
  buildConfigurationKey: string;
}
type Stat = fs.Stats & { moduleRootPath?: string };
interface FileSet {
  src: string;
  destination: string;
  files: string[];
  metadata: Map<string, Stat>;
}
type Filter = (file: string, stat: fs.Stats) => boolean;
interface FileMatcher {
  from: string;
  to: string;
  patterns: string[];
  isEmpty(): boolean;
  containsOnlyIgnore(): boolean;
  prependPattern(pattern: string): void;
  createFilter(): Filter;
  computeParsedPatterns(result: unknown[], fromDir?: string): void;
  excludePatterns: unknown[] | null;
}
interface MatcherOptions {
  macroExpander: (pattern: string) => string;
  customBuildOptions: Record<string, unknown>;
  globalOutDir: string;
  defaultSrc: string;
}
export interface TargetLike {
  name: string;
  options: Record<string, unknown>;
  helper?: LinuxTargetHelperLike;
  computeFpmMetaInfoOptions?: () => Promise<{ name: string; maintainer: string; url: string; vendor: string }>;
  getDefaultDepends?: (target: string) => string[];
}
interface LinuxTargetHelperLike {
  computeDesktopEntry(options: Record<string, unknown>): string | Promise<string>;
  readonly mimeTypeFiles: Promise<string | null>;
}
interface AppInfoLike {
  productName: string;
  productFilename: string;
  sanitizedName: string;
  companyName: string | null;
  version: string;
}
interface PackagerInfo {
  appDir: string;
  projectDir: string;
  config: Record<string, unknown>;
}
interface PlatformPackagerLike {
  platform: PlatformObj;
  info: PackagerInfo;
  config: Record<string, unknown>;
  appInfo: AppInfoLike;
  executableName?: string;
  platformSpecificBuildOptions: Record<string, unknown>;
  fileAssociations: Record<string, unknown>[];
  pack: (outDir: string, arch: number, targets: unknown[], taskManager: unknown) => Promise<void>;
  computeAppOutDir(outDir: string, arch: number): string;
  getResourcesDir(appOutDir: string): string;
  createGetFileMatchersOptions(outDir: string, arch: number, options: Record<string, unknown>): MatcherOptions;
  getExtraFileMatchers(isResources: boolean, appOutDir: string, options: MatcherOptions): FileMatcher[] | null;
  computeAsarOptions(options: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>>;
  expandArtifactNamePattern(options: Record<string, unknown>, ext: string, arch: number, defaultPattern?: string, skipDefaultArch?: boolean): string;
}
interface AppBuilderLib {
  Packager: new (options: Record<string, unknown>) => { build(): Promise<unknown>; debugLogger: { isEnabled: boolean } };
  Platform: { LINUX: PlatformObj; WINDOWS: PlatformObj };
  Arch: Record<ArchName, number> & Record<number, string>;
  LinuxPackager: new (info: unknown) => PlatformPackagerLike;
  WinPackager: new (info: unknown) => PlatformPackagerLike;
}

const abl = load<AppBuilderLib>('app-builder-lib');
const fileMatcher = load<{
  getMainFileMatchers(appDir: string, dest: string, expander: MatcherOptions['macroExpander'], psbo: Record<string, unknown>, packager: PlatformPackagerLike, outDir: string, isElectronCompile: boolean): FileMatcher[];
  getNodeModuleFileMatcher(appDir: string, dest: string, expander: MatcherOptions['macroExpander'], psbo: Record<string, unknown>, info: PackagerInfo): FileMatcher;
  getFileMatchers(config: Record<string, unknown>, name: string, dest: string, options: MatcherOptions): FileMatcher[] | null;
}>('app-builder-lib/out/fileMatcher');
const appFileCopier = load<{
  computeFileSets(matchers: FileMatcher[], transformer: null, packager: PlatformPackagerLike, isElectronCompile: boolean): Promise<FileSet[]>;
  computeNodeModuleFileSets(packager: PlatformPackagerLike, matcher: FileMatcher): Promise<FileSet[]>;
}>('app-builder-lib/out/util/appFileCopier');
const asarUtil = load<{
  AsarPackager: new (
    packager: PlatformPackagerLike,
    config: { defaultDestination: string; resourcePath: string; options: Record<string, unknown>; unpackPattern: Filter | undefined },
  ) => { processFileSets(fileSets: FileSet[]): Promise<{ path: string; unpacked: boolean; type: string }[]> };
}>('app-builder-lib/out/asar/asarUtil');
const targetFactory = load<{
  computeArchToTargetNamesMap(raw: Map<number, string[]>, packager: PlatformPackagerLike, platform: PlatformObj): Map<number, string[]>;
  createTargets(nameToTarget: Map<string, TargetLike>, rawList: string[], outDir: string, packager: PlatformPackagerLike): TargetLike[];
}>('app-builder-lib/out/targets/targetFactory');
const builderUtil = load<{ walk(dir: string, filter?: Filter | null): Promise<string[]> }>('builder-util');

export const configApi = load<{
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Record<string, unknown> | null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
}>('app-builder-lib/out/util/config/config');
export const nsisLang = load<{ LangConfigurator: new (options: Record<string, unknown>) => { langs: string[]; isMultiLang: boolean } }>(
  'app-builder-lib/out/targets/nsis/nsisLang',
);
export const targetUtil = load<{ getWindowsInstallationDirName(appInfo: AppInfoLike, isTryToUseProductName: boolean): string }>(
  'app-builder-lib/out/targets/targetUtil',
);
export const resolveApi = load<{ resolveFunction(type: unknown, executor: unknown, name: string, root: string): Promise<unknown> }>(
  'app-builder-lib/out/util/resolve',
);
export const fuses = load<{ FuseV1Options: Record<string, number | string> }>('@electron/fuses');

/** electron-builder.yml as electron-builder loads and validates it (throws like electron-builder on an invalid key). */
export async function loadBuilderConfig(fromCommandLine: Record<string, unknown> | null = null): Promise<Record<string, unknown>> {
  const config = await configApi.getConfig(ROOT, null, fromCommandLine);
  await configApi.validateConfiguration(config, { isEnabled: false, add: () => {} });
  return config;
}

export interface AsarEntry {
  /** Where the file lands relative to resources/app (app.asar, or app.asar.unpacked when `unpacked`). */
  path: string;
  unpacked: boolean;
  source: string;
  size: number;
}

export interface PackResult {
  platform: PlatformName;
  arch: ArchName;
  /** Targets the configuration selects for this platform, by architecture, as electron-builder computes them. */
  configuredTargets: Map<ArchName, string[]>;
  /** Artifact file names per target, expanded by electron-builder for this architecture. */
  artifactNames: Map<string, string>;
  /** Files of app.asar (and app.asar.unpacked), keyed by their path inside the archive. */
  asar: Map<string, AsarEntry>;
  /** extraResources, keyed by the path relative to the resources folder. */
  extraResources: Map<string, string>;
  /** The fuse configuration handed to @electron/fuses' flipFuses, keyed by FuseV1Options number. */
  fuseConfig: Record<string, unknown>;
  fileAssociations: Record<string, unknown>[];
  appInfo: AppInfoLike;
  executableName: string | undefined;
  targets: Map<string, TargetLike>;
  /** Linux: the .desktop entry and shared-mime-info XML electron-builder writes. */
  desktopEntry?: string;
  mimeXml?: string | null;
  fpmMeta?: { name: string; maintainer: string; url: string; vendor: string };
  defaultDebDepends?: string[];
}

const EXT_BY_TARGET: Record<string, string> = { nsis: 'exe', deb: 'deb', appimage: 'AppImage' };

async function probe(p: PlatformPackagerLike, name: PlatformName, outDir: string, arch: number): Promise<PackResult> {
  const psbo = p.platformSpecificBuildOptions;
  const appOutDir = p.computeAppOutDir(outDir, arch);
  const resourcesDir = p.getResourcesDir(appOutDir);
  const destination = path.join(resourcesDir, 'app');
  const options = p.createGetFileMatchersOptions(outDir, arch, psbo);

  // doPack(): extraResources / extraFiles matchers, whose patterns are excluded from the app files.
  const extraResourceMatchers = p.getExtraFileMatchers(true, appOutDir, options) ?? [];
  const excludePatterns: unknown[] = [];
  for (const m of [...extraResourceMatchers, ...(p.getExtraFileMatchers(false, appOutDir, options) ?? [])]) {
    m.computeParsedPatterns(excludePatterns, p.info.projectDir);
  }

  // copyAppFiles(): the main matchers plus the node_modules file sets, then AsarPackager's pack decisions.
  const mainMatchers = fileMatcher.getMainFileMatchers(p.info.appDir, destination, options.macroExpander, psbo, p, outDir, false);
  if (excludePatterns.length > 0) for (const m of mainMatchers) m.excludePatterns = excludePatterns;
  const moduleMatcher = fileMatcher.getNodeModuleFileMatcher(p.info.appDir, destination, options.macroExpander, psbo, p.info);
  const fileSets = [
    ...(await appFileCopier.computeFileSets(mainMatchers, null, p, false)),
    ...(await appFileCopier.computeNodeModuleFileSets(p, moduleMatcher)),
  ].filter((s) => s.files.length > 0);
  const asarOptions = await p.computeAsarOptions(psbo);
  if (asarOptions == null) throw new Error('electron-builder.yml disables asar: the app would ship as loose files');
  const unpack = fileMatcher.getFileMatchers(p.config, 'asarUnpack', destination, options);
  const asarPackager = new asarUtil.AsarPackager(p, {
    defaultDestination: destination,
    resourcePath: resourcesDir,
    options: asarOptions,
    unpackPattern: unpack?.[0]?.createFilter(),
  });
  const entries = await asarPackager.processFileSets(fileSets);
  const sources = new Map<string, { source: string; size: number }>();
  for (const set of fileSets) {
    for (const file of set.files) {
      const stat = set.metadata.get(file);
      if (!stat || stat.isDirectory()) continue;
      const inArchive = path.relative(destination, file === set.src ? set.destination : path.join(set.destination, path.relative(set.src, file)));
      sources.set(inArchive.split(path.sep).join('/'), { source: file, size: stat.size });
    }
  }
  const asar = new Map<string, AsarEntry>();
  for (const e of entries) {
    if (e.type === 'directory') continue;
    const key = e.path.split(path.sep).join('/');
    const src = sources.get(key);
    if (!src) throw new Error(`no source for asar entry ${key}`);
    asar.set(key, { path: key, unpacked: e.unpacked, ...src });
  }

  // copyFiles() for extraResources: each matcher's filter over its `from` folder.
  const extraResources = new Map<string, string>();
  for (const m of extraResourceMatchers) {
    if (m.isEmpty() || m.containsOnlyIgnore()) m.prependPattern('**/*');
    for (const file of await builderUtil.walk(m.from, m.createFilter())) {
      const to = path.join(m.to, path.relative(m.from, file));
      extraResources.set(path.relative(resourcesDir, to).split(path.sep).join('/'), file);
    }
  }

  const platform = name === 'linux' ? abl.Platform.LINUX : abl.Platform.WINDOWS;
  const configuredTargets = new Map<ArchName, string[]>();
  for (const [a, names] of targetFactory.computeArchToTargetNamesMap(new Map(), p, platform)) {
    configuredTargets.set(abl.Arch[a] as ArchName, names);
  }
  const targets = new Map<string, TargetLike>();
  const artifactNames = new Map<string, string>();
  const targetNames = [...new Set([...configuredTargets.values()].flat())];
  for (const target of targetFactory.createTargets(new Map(), targetNames, outDir, p)) {
    targets.set(target.name.toLowerCase(), target);
    const ext = EXT_BY_TARGET[target.name.toLowerCase()];
    if (ext) artifactNames.set(target.name.toLowerCase(), p.expandArtifactNamePattern(target.options, ext, arch, '${productName} ${version}.${ext}', false));
  }

  const result: PackResult = {
    platform: name,
    arch: abl.Arch[arch] as ArchName,
    configuredTargets,
    artifactNames,
    asar,
    extraResources,
    fuseConfig: await p.generateFuseConfig(p.config.electronFuses),
    fileAssociations: p.fileAssociations,
    appInfo: p.appInfo,
    executableName: p.executableName,
    targets,
  };
  const deb = targets.get('deb');
  if (name === 'linux' && deb?.helper && deb.computeFpmMetaInfoOptions && deb.getDefaultDepends) {
    result.desktopEntry = await deb.helper.computeDesktopEntry(deb.options);
    const mimeFile = await deb.helper.mimeTypeFiles;
    result.mimeXml = mimeFile == null ? null : fs.readFileSync(mimeFile, 'utf8');
    result.fpmMeta = await deb.computeFpmMetaInfoOptions();
    result.defaultDebDepends = deb.getDefaultDepends('deb');
  }
  return result;
}

/** Runs electron-builder for the given platform/arch pairs up to (not including) writing the app; see the top of the file. */
export async function packWithElectronBuilder(builds: { platform: PlatformName; arch: ArchName }[]): Promise<PackResult[]> {
  const results: PackResult[] = [];
  const targets = new Map<PlatformObj, Map<number, string[]>>();
  for (const b of builds) {
    const platform = b.platform === 'linux' ? abl.Platform.LINUX : abl.Platform.WINDOWS;
    const byArch = targets.get(platform) ?? new Map<number, string[]>();
    byArch.set(abl.Arch[b.arch], ['dir']);
    targets.set(platform, byArch);
  }
  const packager = new abl.Packager({
    projectDir: ROOT,
    targets,
    platformPackagerFactory: (info: unknown, platform: PlatformObj) => {
      const isLinux = platform === abl.Platform.LINUX;
      const p = isLinux ? new abl.LinuxPackager(info) : new abl.WinPackager(info);
      p.pack = async (outDir, arch) => {
        results.push(await probe(p, isLinux ? 'linux' : 'win', outDir, arch));
      };
      return p;
    },
  });
  // Otherwise build() writes dist/builder-debug.yml.
  packager.debugLogger.isEnabled = false;
  await packager.build();
  return results;
}
