import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = path.resolve(__dirname, "../../bin/ielts.cjs");
// Scoring commands load harper.js, wink-nlp and dictionaries in a fresh process: seconds, more
// on a busy machine.
const SLOW = 180_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function ielts(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile("node", [BIN, ...args], { timeout: SLOW }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

// Essays written for this test.
const TASK2_PROMPT =
  "Some people think children should start school at a very early age, while others believe they should begin at seven. Discuss both views and give your opinion.";
const TASK2_ESSAY = `Many parents today wonder when their children should begin formal education. Some argue that an early start gives children an advantage, whereas others feel that young children need time to play. In my view, starting school at around six or seven is usually better.

On the one hand, sending children to school early has clear benefits. Young children learn languages and numbers quickly, and a structured classroom can help them build routines. For example, working parents often rely on schools to provide care, and children from poorer families may receive better support there than at home.

On the other hand, play is how small children develop social skills and imagination. If they are forced to sit still and follow lessons too soon, they may lose their natural curiosity. Countries such as Finland start formal schooling at seven, yet their students perform very well in international tests.

In conclusion, although early schooling can help some families, I believe most children benefit more from a later start, as long as they have rich opportunities to play and explore before then.`;
const TASK1_PROMPT =
  "The chart shows the number of visitors to three museums between 2000 and 2020. Summarise the information.";
const TASK1_ESSAY = `The chart shows visitors to three museums from 2000 to 2020. Overall, the science museum became the most popular, while visits to the history museum fell.

In 2000 the history museum had about 400,000 visitors, more than the other two. However, this number dropped steadily to around 250,000 by 2020. In contrast, the science museum grew from 300,000 to 600,000 visitors, overtaking the history museum in 2008. The art museum stayed fairly stable at about 200,000 visitors each year, with a small rise at the end. "Free entry", introduced in 2015, may explain this.`;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

describe("ielts band", () => {
  it.each([
    [["listening", "30"], "7"],
    [["reading-academic", "15"], "5"],
    [["reading-general", "34"], "7"],
    [["overall", "6.5", "6.5", "5.5", "6.5"], "6.5"],
    [["writing", "5", "7"], "6.5"],
    [["speaking", "6", "6", "7", "6"], "6.5"],
  ])("band %j prints %s", async (args, band) => {
    const run = await ielts("band", ...args);
    expect(run).toEqual({ code: 0, stdout: `${band}\n`, stderr: "" });
  });

  it("says on stderr that pronunciation was not assessed when P is left out", async () => {
    const run = await ielts("band", "speaking", "6", "6", "7");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("6.5\n");
    expect(run.stderr).toMatch(/Pronunciation was not assessed/);
  });

  it.each([
    [["listening", "41"], /whole number from 0 to 40/],
    [["listening", "ten"], /must be a number/],
    [["listening"], /Usage: ielts band listening RAW/],
    [["overall", "6", "6", "6"], /Usage: ielts band overall L R W S/],
    [["writing", "6.3", "6"], /half steps/],
    [["speaking-test", "6"], /unknown "speaking-test"/],
  ])("band %j fails with exit 2", async (args, message) => {
    const run = await ielts("band", ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });

  it("rejects an unknown command with exit 2", async () => {
    const run = await ielts("grade");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown command "grade"/);
  });

  it("--help lists every command", async () => {
    const run = await ielts("--help");
    expect(run.code).toBe(0);
    for (const text of [
      "band listening",
      "reading-academic",
      "reading-general",
      "band overall",
      "band writing",
      "band speaking",
      "score --csv",
      "evaluate --csv",
      "--json",
      "speak --transcript",
      "--timings",
    ]) {
      expect(run.stdout).toContain(text);
    }
  });
});

describe("ielts score, evaluate and speak", () => {
  let dir: string;
  let csv: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ielts-cli-"));
    csv = path.join(dir, "class.csv");
    const rows = [
      ["id", "task", "prompt", "essay", "band", "teacher"],
      ["s1", "2", TASK2_PROMPT, TASK2_ESSAY, "7", "Ms Smith"],
      ["s2", "1", TASK1_PROMPT, TASK1_ESSAY, "6", ""],
      ["s3", "3", TASK2_PROMPT, "An essay for a task that does not exist.", "6", ""],
      ["s4", "2", TASK2_PROMPT, "", "5", ""],
    ];
    await writeFile(csv, `${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    "scores each row to one JSON line, with an error line for each bad row",
    async () => {
      const run = await ielts("score", "--csv", csv);
      expect(run.code).toBe(0);
      // stderr is not a terminal here, so no progress bar.
      expect(run.stderr).toBe("");
      const lines = run.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.id)).toEqual(["s1", "s2", "s3", "s4"]);
      const [s1, s2, s3, s4] = lines;
      expect(Object.keys(s1)).toEqual(["id", "task", "overall", "criteria", "wordCount", "flags"]);
      expect(s1.task).toBe(2);
      expect(s1.criteria).toHaveProperty("TR");
      expect(s2.criteria).toHaveProperty("TA");
      expect(s1.wordCount).toBeGreaterThan(150);
      for (const scored of [s1, s2]) {
        expect(Number.isInteger(scored.overall * 2)).toBe(true);
        expect(Array.isArray(scored.flags)).toBe(true);
      }
      expect(s3).toEqual({ id: "s3", error: "task must be 1 or 2" });
      expect(s4).toEqual({ id: "s4", error: "the essay is empty" });
    },
    SLOW,
  );

  it(
    "evaluates against the band column, human-readable and as JSON",
    async () => {
      const [text, json] = await Promise.all([
        ielts("evaluate", "--csv", csv),
        ielts("evaluate", "--csv", csv, "--json", "--module", "academic"),
      ]);
      expect(text.code).toBe(0);
      for (const heading of ["Task 1 (n = 1)", "Task 2 (n = 1)", "All rows (n = 2)"]) {
        expect(text.stdout).toContain(heading);
      }
      expect(text.stdout).toMatch(/mean absolute error\s+\d\.\d\d/);
      expect(text.stdout).toMatch(/within half a band\s+\d+\.\d%/);
      expect(text.stdout).toMatch(/QWK\s+-?\d\.\d{3}/);
      expect(text.stdout).toContain("rows are true bands, columns predicted bands");
      expect(text.stdout).toContain("Skipped 2 row(s)");
      expect(text.stdout).toMatch(
        /it had not seen[\s\S]*Task 2: mean absolute error \d\.\d\d, within half a band \d+%/,
      );

      expect(json.code).toBe(0);
      const report = JSON.parse(json.stdout);
      expect(report.all.n).toBe(2);
      expect(report.task2.n).toBe(1);
      expect(report.all.confusion.counts.flat().reduce((a: number, b: number) => a + b, 0)).toBe(2);
      expect(report.skipped.map((s: { id: string }) => s.id)).toEqual(["s3", "s4"]);
    },
    SLOW,
  );

  it("fails with exit 2 when the file or a required column is missing", async () => {
    const noBand = path.join(dir, "no-band.csv");
    await writeFile(noBand, `id,task,prompt,essay\nx,2,p,${quote(TASK2_ESSAY)}\n`);
    const [missingFile, missingColumn, noCsv] = await Promise.all([
      ielts("score", "--csv", path.join(dir, "absent.csv")),
      ielts("evaluate", "--csv", noBand),
      ielts("score"),
    ]);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toMatch(/Cannot read the CSV file/);
    expect(missingColumn.code).toBe(2);
    expect(missingColumn.stderr).toMatch(/missing column\(s\) band/);
    expect(noCsv.code).toBe(2);
    expect(noCsv.stderr).toMatch(/CSV file path is required/);
  });

  it(
    "speak prints the speaking result as JSON and uses timings",
    async () => {
      const transcript = path.join(dir, "answer.txt");
      const timings = path.join(dir, "timings.json");
      const words =
        "Well, I think my hometown is a lovely place because it is close to the sea and the people are friendly. However, it is getting crowded because many tourists come every summer.".split(
          " ",
        );
      await writeFile(transcript, words.join(" "));
      await writeFile(
        timings,
        JSON.stringify(words.map((word, i) => ({ word, start: i * 0.45, end: i * 0.45 + 0.35 }))),
      );
      const [plain, timed, bad] = await Promise.all([
        ielts("speak", "--transcript", transcript, "--part", "1"),
        ielts("speak", "--transcript", transcript, "--timings", timings),
        ielts("speak", "--transcript", transcript, "--part", "4"),
      ]);
      expect(plain.code).toBe(0);
      const result = JSON.parse(plain.stdout);
      expect(result.criteria.P).toBeNull();
      expect(result.pronunciationAssessed).toBe(false);
      expect(result.flags).toContain("no-timings");
      const withTimings = JSON.parse(timed.stdout);
      expect(withTimings.features.timing.speechRate).toBeGreaterThan(100);
      expect(withTimings.flags).not.toContain("no-timings");
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--part: must be 1, 2 or 3/);
    },
    SLOW,
  );
});
