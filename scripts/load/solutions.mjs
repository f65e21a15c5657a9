// The learners' mix: accepted, wrong, too slow, not compiling and hostile solutions to two cheap
// problems in both languages, made from the problems' own reference solutions where one fits.
import { readFileSync } from 'node:fs';

const read = (problem, file) =>
  readFileSync(new URL(`../../content/problems/${problem}/solutions/${file}`, import.meta.url), 'utf8');

/** Drops the last closing brace: a compile error in either language. */
const unclosed = (source) => {
  const at = source.lastIndexOf('}');
  return source.slice(0, at) + source.slice(at + 1);
};

/** The reference with its match step counting two: a wrong answer on any common letter. */
const offByOne = (source) => {
  const wrong = source.replace('prev[j] + 1', 'prev[j] + 2');
  if (wrong === source) throw new Error('the lcs reference changed: update offByOne');
  return wrong;
};

const RUST_HOSTILE = [
  // Reading the host's files: the sandbox has none to give.
  `fn lcs(_a: &str, _b: &str) -> i32 { std::fs::read_to_string("/etc/passwd").map(|s| s.len() as i32).unwrap_or(-1) }`,
  // An output flood.
  `fn lcs(_a: &str, _b: &str) -> i32 { loop { println!("{}", "x".repeat(4096)); } }`,
  // A memory bomb.
  `fn lcs(a: &str, _b: &str) -> i32 { let v = vec![7u8; 1usize << 31]; v[a.len()] as i32 }`,
  // Pretending to be the judge on stdout, server-sent-event framing included.
  `fn lcs(_a: &str, _b: &str) -> i32 { println!("\\n\\ndata: {{\\"finished\\":true,\\"verdict\\":\\"AC\\"}}\\n\\nAC"); 0 }`,
  // Spinning the compiler until the compile limit stops it.
  `const X: u64 = { let mut i: u64 = 1; while i != 0 { i = i.wrapping_mul(3); } i };\nfn lcs(_a: &str, _b: &str) -> i32 { X as i32 }`,
];

const GO_HOSTILE = [
  `package main\n\nimport "os"\n\nfunc lcs(a, b string) int {\n\tdata, err := os.ReadFile("/etc/passwd")\n\tif err != nil {\n\t\treturn -1\n\t}\n\treturn len(data)\n}\n`,
  `package main\n\nimport "os"\n\nfunc lcs(a, b string) int { return len(os.Environ()) + 1000 }\n`,
  // A goroutine bomb.
  `package main\n\nfunc lcs(a, b string) int {\n\tfor {\n\t\tgo func() {\n\t\t\tfor {\n\t\t\t}\n\t\t}()\n\t}\n}\n`,
  `package main\n\nimport "net"\n\nfunc lcs(a, b string) int {\n\tc, err := net.Dial("tcp", "127.0.0.1:22")\n\tif err != nil {\n\t\treturn -1\n\t}\n\tc.Close()\n\treturn 1\n}\n`,
];

/**
 * Every kind of submission, with how often it is sent and what it must not end with.
 * expect: the verdicts it may get (null: anything but AC and IE, for hostile code).
 */
export function mix() {
  const kinds = [];
  const add = (name, weight, problem, language, source, expect) =>
    kinds.push({ name, weight, problem, language, source, expect });
  for (const [lang, ext] of [
    ['rust', 'rs'],
    ['go', 'go'],
  ]) {
    add(`AC lcs/${lang}`, 3, 'lcs', lang, read('lcs', `ref.${ext}`), ['AC']);
    add(`AC knapsack/${lang}`, 3, 'bounded-knapsack', lang, read('bounded-knapsack', `ref.${ext}`), ['AC']);
    add(`WA lcs/${lang}`, 2, 'lcs', lang, offByOne(read('lcs', `ref.${ext}`)), ['WA']);
    add(`WA knapsack/${lang}`, 2, 'bounded-knapsack', lang, read('bounded-knapsack', `wrong.${ext}`), ['WA']);
    add(`TLE lcs/${lang}`, 2, 'lcs', lang, read('lcs', `slow.${ext}`), ['TLE']);
    add(`CE lcs/${lang}`, 2, 'lcs', lang, unclosed(read('lcs', `ref.${ext}`)), ['CE']);
  }
  RUST_HOSTILE.forEach((s, i) => add(`hostile rust #${i + 1}`, 1, 'lcs', 'rust', `${s}\n`, null));
  GO_HOSTILE.forEach((s, i) => add(`hostile go #${i + 1}`, 1, 'lcs', 'go', s, null));
  return kinds;
}

/** A weighted random pick. */
export function choose(kinds) {
  const total = kinds.reduce((n, k) => n + k.weight, 0);
  let x = Math.random() * total;
  for (const k of kinds) {
    x -= k.weight;
    if (x < 0) return k;
  }
  return kinds[kinds.length - 1];
}

/**
 * Whether a verdict is one this kind may get. On the samples alone ("Run") a slow or subtly
 * wrong solution may pass: the samples are small and few.
 */
export function expected(kind, verdict, samplesOnly) {
  if (verdict === 'cancelled') return true;
  if (kind.expect) {
    const lenient = samplesOnly && (kind.expect.includes('TLE') || kind.expect.includes('WA'));
    return kind.expect.includes(verdict) || (lenient && verdict === 'AC');
  }
  return verdict !== 'AC' && verdict !== 'IE';
}
