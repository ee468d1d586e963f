// Compiles SM6DesignToken.sol with the pinned solc-js and writes resources/chain/SM6DesignToken.json.
//
//   node build.mjs                      write the artifact
//   node build.mjs --check              compile and exit 1, saying what differs, if the committed artifact is stale
//   node build.mjs --artifact PATH      write (or with --check, compare against) PATH instead
//
// Same inputs (this file, the .sol, the locked node_modules) give a byte-identical artifact: the metadata hash is
// left out of the bytecode, keys are written in a fixed order and sources are read with LF line endings.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const NODE_MODULES = join(HERE, "node_modules");

let solc;
try {
  solc = (await import("solc")).default;
} catch (err) {
  console.error(`build.mjs: cannot load solc (${err.code ?? err.message}); run \`npm ci\` in ${HERE} first`);
  process.exit(1);
}

const CONTRACT = "SM6DesignToken";
const SOURCE = `${CONTRACT}.sol`;
const DEFAULT_ARTIFACT = resolve(HERE, "..", "resources", "chain", `${CONTRACT}.json`);
const IMPORT_PREFIXES = ["@openzeppelin/contracts/"];

// Shanghai: no Cancun opcodes (MCOPY, TLOAD/TSTORE, blob ops), so the bytecode runs on older Kaia nodes and
// forks as well as on Anvil and py-evm. This is why @openzeppelin/contracts is pinned to 5.4.0: from 5.5.0 on,
// utils/Strings.sol (which ERC721 imports) pulls in utils/Bytes.sol, whose assembly uses mcopy and so only
// compiles for Cancun or later. Moving to OpenZeppelin >= 5.5 means switching evmVersion to "cancun".
const SETTINGS = {
  evmVersion: "shanghai",
  optimizer: { enabled: true, runs: 200 },
  metadata: { bytecodeHash: "none" },
  outputSelection: {
    [SOURCE]: { [CONTRACT]: ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] },
  },
};

function usage(message) {
  console.error(`build.mjs: ${message}\nusage: node build.mjs [--check] [--artifact PATH]`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { check: false, artifact: DEFAULT_ARTIFACT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--check") options.check = true;
    else if (arg === "--artifact") {
      if (i + 1 >= argv.length) usage("--artifact needs a path");
      options.artifact = resolve(argv[++i]);
    } else if (arg.startsWith("--artifact=")) options.artifact = resolve(arg.slice("--artifact=".length));
    else usage(`unknown argument ${JSON.stringify(arg)}`);
  }
  return options;
}

// Git on Windows may check files out with CRLF; compile and hash the same text everywhere.
function readSource(path) {
  return readFileSync(path, "utf8").replace(/\r\n/g, "\n");
}

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

function findImports(path) {
  if (!IMPORT_PREFIXES.some((prefix) => path.startsWith(prefix))) {
    return { error: `import ${path} is outside ${IMPORT_PREFIXES.join(", ")}` };
  }
  const file = resolve(NODE_MODULES, path);
  if (!file.startsWith(NODE_MODULES + sep)) {
    return { error: `import ${path} escapes node_modules` };
  }
  if (!existsSync(file)) return { error: `${file} not found: run npm ci in ${HERE}` };
  return { contents: readSource(file) };
}

function compile() {
  const input = {
    language: "Solidity",
    sources: { [SOURCE]: { content: readSource(join(HERE, SOURCE)) } },
    settings: SETTINGS,
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const problems = output.errors ?? [];
  for (const problem of problems) console.error(problem.formattedMessage ?? problem.message);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    console.error(`build.mjs: ${errors.length} compiler error(s); no artifact written`);
    process.exit(1);
  }
  const contract = output.contracts?.[SOURCE]?.[CONTRACT];
  if (!contract?.evm?.bytecode?.object) {
    console.error(`build.mjs: solc produced no bytecode for ${CONTRACT}`);
    process.exit(1);
  }

  // Every file the compiler read, ours and OpenZeppelin's, by the name it was imported under.
  const sources = {};
  for (const name of Object.keys(output.sources).sort()) {
    const path = name === SOURCE ? join(HERE, SOURCE) : resolve(NODE_MODULES, name);
    sources[name] = sha256(readSource(path));
  }

  return {
    contractName: CONTRACT,
    abi: contract.abi,
    bytecode: `0x${contract.evm.bytecode.object}`,
    deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
    compiler: { version: solc.version(), settings: SETTINGS },
    sources,
  };
}

const serialize = (artifact) => `${JSON.stringify(artifact, null, 2)}\n`;

function abiSignature(entry) {
  const types = (entry.inputs ?? []).map((input) => input.type).join(",");
  return entry.type === "constructor" || entry.type === "fallback" || entry.type === "receive"
    ? `${entry.type}(${types})`
    : `${entry.type} ${entry.name}(${types})`;
}

// A readable list of what differs between the committed artifact and a fresh build.
function differences(committed, fresh) {
  const lines = [];
  const keys = [...new Set([...Object.keys(committed), ...Object.keys(fresh)])];
  for (const key of keys) {
    if (!(key in fresh)) lines.push(`unexpected key "${key}"`);
    else if (!(key in committed)) lines.push(`missing key "${key}"`);
  }
  if (committed.contractName !== fresh.contractName) {
    lines.push(`contractName: committed ${JSON.stringify(committed.contractName)}, built "${fresh.contractName}"`);
  }
  const abiOld = new Map((Array.isArray(committed.abi) ? committed.abi : []).map((e) => [abiSignature(e), e]));
  const abiNew = new Map(fresh.abi.map((e) => [abiSignature(e), e]));
  for (const sig of abiNew.keys()) if (!abiOld.has(sig)) lines.push(`abi: missing ${sig}`);
  for (const sig of abiOld.keys()) if (!abiNew.has(sig)) lines.push(`abi: unexpected ${sig}`);
  for (const [sig, entry] of abiNew) {
    if (abiOld.has(sig) && JSON.stringify(abiOld.get(sig)) !== JSON.stringify(entry)) lines.push(`abi: ${sig} differs`);
  }
  if (lines.every((l) => !l.startsWith("abi:")) && JSON.stringify(committed.abi) !== JSON.stringify(fresh.abi)) {
    lines.push("abi: same entries in a different order");
  }
  for (const key of ["bytecode", "deployedBytecode"]) {
    const old = committed[key];
    if (old !== fresh[key]) {
      const size = (hex) => (typeof hex === "string" ? `${(hex.length - 2) / 2} bytes` : String(hex));
      lines.push(`${key}: committed ${size(old)}, built ${size(fresh[key])}`);
    }
  }
  if (committed.compiler?.version !== fresh.compiler.version) {
    lines.push(`compiler.version: committed ${committed.compiler?.version}, built ${fresh.compiler.version}`);
  }
  if (JSON.stringify(committed.compiler?.settings) !== JSON.stringify(fresh.compiler.settings)) {
    lines.push(`compiler.settings: committed ${JSON.stringify(committed.compiler?.settings)}`);
  }
  const srcOld = committed.sources ?? {};
  for (const [name, hash] of Object.entries(fresh.sources)) {
    if (!(name in srcOld)) lines.push(`sources: missing ${name}`);
    else if (srcOld[name] !== hash) lines.push(`sources: ${name} changed`);
  }
  for (const name of Object.keys(srcOld)) if (!(name in fresh.sources)) lines.push(`sources: unexpected ${name}`);
  return lines;
}

const options = parseArgs(process.argv.slice(2));
const artifact = compile();
const text = serialize(artifact);
const fromHere = relative(process.cwd(), options.artifact);
const shown = fromHere && !fromHere.startsWith("..") ? fromHere : options.artifact;

if (options.check) {
  if (!existsSync(options.artifact)) {
    console.error(`build.mjs --check: ${shown} does not exist; run node build.mjs`);
    process.exit(1);
  }
  const committedText = readFileSync(options.artifact, "utf8");
  if (committedText === text) {
    console.log(`${shown} is up to date (${artifact.compiler.version})`);
    process.exit(0);
  }
  let lines;
  try {
    lines = differences(JSON.parse(committedText), artifact);
  } catch (err) {
    lines = [`not valid JSON: ${err.message}`];
  }
  if (lines.length === 0) lines.push("same content, different formatting (key order, whitespace or final newline)");
  console.error(`build.mjs --check: ${shown} does not match a fresh build:`);
  for (const line of lines) console.error(`  - ${line}`);
  console.error("Run `node build.mjs` in contracts/ and commit the result.");
  process.exit(1);
}

mkdirSync(dirname(options.artifact), { recursive: true });
writeFileSync(options.artifact, text);
console.log(`wrote ${shown} (${artifact.compiler.version}, ${(artifact.deployedBytecode.length - 2) / 2} bytes deployed)`);
