import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseCsvObjects } from "../src/scoring/csv";
import { meanAbsoluteError, quadraticWeightedKappa, withinHalfBand } from "../src/scoring/metrics";
import { roundToHalfBand } from "../src/scoring/bands";
import { MODEL_FEATURES } from "../src/scoring/writing/model";
import { textFeatures, type SparseVector } from "../src/scoring/writing/text-features";

const SHRINK = Number(process.env.SHRINK ?? 1);
const BITS = Number(process.env.BITS ?? 18);
const cache = JSON.parse(readFileSync("/tmp/ielts-writing-features.json", "utf8"));
const records = parseCsvObjects(readFileSync("../shared/eval/writing-calibration.csv", "utf8"));
const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sd = (v: readonly number[]) => { const m = mean(v); return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length); };

function solve(a: number[][], b: number[]): number[] {
  const p = b.length; const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < p; c++) { let piv = c; for (let r = c + 1; r < p; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!]; const mc = m[c]!;
    for (let r = 0; r < p; r++) { if (r === c) continue; const mr = m[r]!; const f = mr[c]! / mc[c]!; if (f === 0) continue; for (let j = c; j <= p; j++) mr[j]! -= f * mc[j]!; } }
  return m.map((r, i) => r[p]! / r[i]!);
}
function linFit(x: number[][], y: number[], lambda: number) {
  const p = x[0]!.length; const cols = Array.from({ length: p }, (_, j) => x.map(r => r[j]!));
  const mu = cols.map(mean); const s = cols.map(c => sd(c) || 1);
  const z = x.map(r => r.map((v, j) => (v - mu[j]!) / s[j]!)); const ym = mean(y);
  const a = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? lambda * x.length : 0)));
  const b = new Array(p).fill(0);
  z.forEach((r, n) => { for (let i = 0; i < p; i++) { for (let j = 0; j < p; j++) a[i]![j]! += r[i]! * r[j]!; b[i] += r[i]! * (y[n]! - ym); } });
  const w = solve(a, b);
  const pred = (r: number[]) => ym + r.reduce((t, v, j) => t + ((v - mu[j]!) / s[j]!) * w[j]!, 0);
  const raw = x.map(pred); const scale = sd(y) / (sd(raw) || 1);
  return (r: number[]) => Math.min(9, Math.max(1, ym + (pred(r) - ym) * scale * SHRINK));
}
function folds(keys: string[], bands: number[], K = 5): number[] {
  const order = keys.map((h, i) => ({ i, band: bands[i]!, h })).sort((a, b) => a.band - b.band || a.h.localeCompare(b.h));
  const f = new Array<number>(keys.length).fill(0); order.forEach((o, k) => (f[o.i] = k % K)); return f;
}
// kernel ridge: returns predictions for test idx given train idx
function krr(K: Float64Array, n: number, y: number[], train: number[], test: number[], lambda: number): number[] {
  const ym = mean(train.map(i => y[i]!));
  const a = train.map((i, r) => train.map((j, c) => K[i * n + j]! + (r === c ? lambda : 0)));
  const alpha = solve(a, train.map(i => y[i]! - ym));
  return test.map(t => ym + train.reduce((s, i, r) => s + alpha[r]! * K[t * n + i]!, 0));
}
function rep(label: string, truth: number[], pred: number[]) {
  const p = pred.map(roundToHalfBand);
  console.log(`${label}: MAE=${meanAbsoluteError(truth, p).toFixed(3)} within=${(withinHalfBand(truth, p) * 100).toFixed(1)}% QWK=${quadraticWeightedKappa(truth, p).toFixed(3)} predSD=${sd(p).toFixed(3)} trueSD=${sd(truth).toFixed(3)}`);
}
const task = Number(process.env.TASK ?? 2);
const rows = records.filter(r => (r.task === "1" ? 1 : 2) === task).map(r => {
  const key = createHash("sha1").update(`${task}\0${r.prompt}\0${r.essay}`).digest("hex");
  return { key, band: Number(r.band), f: cache[key] as Record<string, number>, essay: r.essay ?? "" };
});
const n = rows.length; const y = rows.map(r => r.band);
let t0 = Date.now();
const vecs: SparseVector[] = rows.map(r => textFeatures(r.essay, BITS));
console.log("features", Date.now() - t0, "ms; nnz mean", mean(vecs.map(v => v.indices.length)));
t0 = Date.now();
const KW = new Float64Array(n * n); const KC = new Float64Array(n * n); const dense = new Float64Array(1 << BITS); const off = 1 << (BITS - 1);
for (let i = 0; i < n; i++) { const vi = vecs[i]!; vi.indices.forEach((k, q) => (dense[k] = vi.values[q]!));
  for (let j = i; j < n; j++) { const vj = vecs[j]!; let s = 0, c = 0; for (let q = 0; q < vj.indices.length; q++) { const t = vj.values[q]! * dense[vj.indices[q]!]!; if (vj.indices[q]! < off) s += t; else c += t; } KW[i * n + j] = s; KW[j * n + i] = s; KC[i * n + j] = c; KC[j * n + i] = c; }
  vi.indices.forEach(k => (dense[k] = 0)); }
const MIX = Number(process.env.MIX ?? 0.5);
let K = new Float64Array(n * n); for (let q = 0; q < n * n; q++) K[q] = 2 * (MIX * KW[q]! + (1 - MIX) * KC[q]!);
console.log("kernel", Date.now() - t0, "ms");
const fold = folds(rows.map(r => r.key), y);
const idx = (k: number, inFold: boolean) => rows.map((_, i) => i).filter(i => (fold[i] === k) === inFold);
// text only
if (!process.env.SKIPTEXT) for (const mix of [0, 0.25, 0.5, 0.75, 1]) for (let q = 0; q < n * n; q++) K[q] = 2 * (mix * KW[q]! + (1 - mix) * KC[q]!), 0; if (!process.env.SKIPTEXT) for (const mix of [0, 0.25, 0.5, 0.75, 1]) for (const lam of [0.1, 0.3, 1]) { for (let q = 0; q < n * n; q++) K[q] = 2 * (mix * KW[q]! + (1 - mix) * KC[q]!);
  const pred = new Array(n).fill(0);
  for (let k = 0; k < 5; k++) { const te = idx(k, true); const tr = idx(k, false); krr(K, n, y, tr, te, lam).forEach((p, q) => (pred[te[q]!] = p)); }
  // variance-match on raw OOF for a look only
  const c = (() => { const mp = mean(pred), my = mean(y); let a=0,b=0,d=0; pred.forEach((p,i)=>{a+=(p-mp)*(y[i]!-my);b+=(p-mp)**2;d+=(y[i]!-my)**2}); return a/Math.sqrt(b*d); })(); console.log(`text mix=${mix} lam=${lam} r=${c.toFixed(3)}`);
}
const EXTRA = ["knownWordShare","stopWordShare","verblessShare","implausibleBigramShare","linkingOverused","mixedSpelling","copiedShare"];
const hand0 = (i: number) => MODEL_FEATURES.map(f => rows[i]!.f[f] ?? 0);
const hand = process.env.EXT ? (i: number) => { const f = rows[i]!.f; return [...hand0(i), ...EXTRA.map(e => f[e] ?? 0), Math.log(1 + (f.spellingPer100 ?? 0)), Math.log(1 + (f.grammarPer100 ?? 0)), (f.logWords ?? 0) ** 2, Math.log(1 + (f.mtld ?? 0)), Math.min(f.lengthRatio ?? 0, 1.2)]; } : hand0;
for (let q = 0; q < n * n; q++) K[q] = 2 * (MIX * KW[q]! + (1 - MIX) * KC[q]!);
if (!process.env.SKIPSTACK) for (const tlam of [0.3, 1]) for (const hlam of [1, 3]) {
  const pred = new Array(n).fill(0); const predH = new Array(n).fill(0);
  for (let k = 0; k < 5; k++) {
    const te = idx(k, true); const tr = idx(k, false);
    const inner = folds(tr.map(i => rows[i]!.key), tr.map(i => y[i]!));
    const oof = new Array(tr.length).fill(0);
    for (let m = 0; m < 5; m++) { const ite = tr.filter((_, q) => inner[q] === m); const itr = tr.filter((_, q) => inner[q] !== m);
      const p = krr(K, n, y, itr, ite, tlam); tr.forEach((i, q) => { const at = ite.indexOf(i); if (at >= 0) oof[q] = p[at]; }); }
    const full = krr(K, n, y, tr, te, tlam);
    const model = linFit(tr.map((i, q) => [...hand(i), oof[q]]), tr.map(i => y[i]!), hlam / 100);
    te.forEach((i, q) => (pred[i] = model([...hand(i), full[q]!])));
    const mh = linFit(tr.map(hand), tr.map(i => y[i]!), hlam / 100);
    te.forEach(i => (predH[i] = mh(hand(i))));
  }
  rep(`stack tlam=${tlam} hlam=${hlam / 100}`, y, pred); rep(`  hand only hlam=${hlam / 100}`, y, predH);
}
{
  const p = MODEL_FEATURES.length; const X = rows.map((_, i) => hand0(i));
  const mu = Array.from({ length: p }, (_, j) => mean(X.map(r => r[j]!))); const s = Array.from({ length: p }, (_, j) => sd(X.map(r => r[j]!)) || 1);
  const Z = X.map(r => r.map((v, j) => Math.max(-3, Math.min(3, (v - mu[j]!) / s[j]!))));
  const KL = new Float64Array(n * n); const D2 = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { let d = 0, l = 0; for (let q = 0; q < p; q++) { l += Z[i]![q]! * Z[j]![q]!; d += (Z[i]![q]! - Z[j]![q]!) ** 2; } KL[i * n + j] = l / p; D2[i * n + j] = d / p; }
  const evalK = (label: string, KK: Float64Array, lam: number) => {
    const pred = new Array(n).fill(0);
    for (let k = 0; k < 5; k++) { const te = idx(k, true); const tr = idx(k, false); krr(KK, n, y, tr, te, lam).forEach((v, q) => (pred[te[q]!] = v)); }
    const mp = mean(pred), my = mean(y); let a = 0, b = 0, d = 0; pred.forEach((v, i) => { a += (v - mp) * (y[i]! - my); b += (v - mp) ** 2; d += (y[i]! - my) ** 2; });
    const r = a / Math.sqrt(b * d); const st = sd(y) / sd(pred);
    const cal = (f: number) => pred.map(v => Math.min(9, Math.max(1, my + (v - mp) * st * f)));
    console.log(`${label} lam=${lam} r=${r.toFixed(3)}`); rep("   SD1", y, cal(1)); rep("   SD.9", y, cal(0.9));
  };
  const KT = new Float64Array(n * n); for (let q = 0; q < n * n; q++) KT[q] = 2 * (MIX * KW[q]! + (1 - MIX) * KC[q]!);
  for (const lam of [0.03, 0.1, 0.3]) evalK("lin", KL, lam);
  for (const g of [0.1, 0.3]) { const KR = new Float64Array(n * n); for (let q = 0; q < n * n; q++) KR[q] = Math.exp(-g * D2[q]!); for (const lam of [0.03, 0.1, 0.3]) evalK(`rbf g=${g}`, KR, lam);
    for (const wt of [0.3, 0.5, 1]) { const KK = new Float64Array(n * n); for (let q = 0; q < n * n; q++) KK[q] = KR[q]! + KL[q]! + wt * KT[q]!; for (const lam of [0.1, 0.3]) evalK(`rbf+lin+text g=${g} wt=${wt}`, KK, lam); } }
  for (const wt of [0.3, 0.5, 1]) { const KK = new Float64Array(n * n); for (let q = 0; q < n * n; q++) KK[q] = KL[q]! + wt * KT[q]!; for (const lam of [0.03, 0.1, 0.3]) evalK(`lin+text wt=${wt}`, KK, lam); }
}
