import { describe, expect, it } from "vitest";
import {
  CHART_PROMPT,
  CHART_WITH_OVERVIEW,
  CHART_WITHOUT_OVERVIEW,
  FRENCH_TEXT,
  GOOD_ESSAY,
  LETTER,
  LETTER_PROMPT,
  LETTER_WITHOUT_FORMAT,
  JAMMED_ROADS_ESSAY,
  REMOTE_WORK_PROMPT,
  ZOO_PROMPT,
  TEMPLATE_ESSAY,
  TRANSPORT_PROMPT,
  WEAK_ESSAY,
  shuffleWords,
} from "./fixtures/essays";
import coefficients from "./model/coefficients.json";
import { gatherEvidence } from "./features";
import { scoreWriting, writingScoreSchema, type WritingScore } from "./index";

const task2 = (response: string, prompt = REMOTE_WORK_PROMPT) =>
  scoreWriting({ task: 2, module: "academic", prompt, response });

const bands = (s: WritingScore) =>
  [s.criteria.TA, s.criteria.TR, s.criteria.CC, s.criteria.LR, s.criteria.GRA].filter(
    (b): b is number => b !== undefined,
  );
const praise = (s: WritingScore) => s.feedback.points.filter((p) => p.kind === "strength");

describe("scoreWriting", () => {
  it("returns a valid score whose overall is the rounded mean of its criteria", async () => {
    const s = await task2(GOOD_ESSAY);
    expect(writingScoreSchema.parse(s)).toEqual(s);
    const mean = bands(s).reduce((a, b) => a + b, 0) / 4;
    expect(s.overall).toBe(Math.floor(mean * 2 + 0.5) / 2);
    expect(s.criteria.TA).toBeUndefined();
    expect(s.scorer).toBe("offline-v1");
  });

  it("reports the cross-validated agreement stored with the model and a range around the band", async () => {
    const s = await task2(GOOD_ESSAY);
    const cv = coefficients.tasks["2"].cv;
    expect(s.reliability).toMatchObject({
      testedOn: cv.n,
      withinHalfBand: cv.withinHalfBand,
      withinOneBand: cv.withinOneBand,
      likely: { low: Math.max(1, s.overall - 1), high: Math.min(9, s.overall + 1) },
    });
    expect(s.reliability.caveat).toBeUndefined();
    const tooShort = await task2("Technology is good for people.");
    expect(tooShort.reliability.likely).toEqual({ low: 1, high: 2 });
  });

  it("praises only criteria at band 6 or above, so praise never contradicts a band", async () => {
    const good = await task2(GOOD_ESSAY);
    expect(praise(good).length).toBeGreaterThan(0);
    for (const s of [good, await task2(WEAK_ESSAY)]) {
      for (const p of praise(s)) expect(s.criteria[p.criterion]).toBeGreaterThanOrEqual(6);
    }
    const weak = await task2(WEAK_ESSAY);
    expect(Math.max(...bands(weak))).toBeLessThan(6);
    expect(praise(weak)).toEqual([]);
  });

  it("scores a good essay clearly higher than a weak one", async () => {
    const good = await task2(GOOD_ESSAY);
    const weak = await task2(WEAK_ESSAY);
    expect(good.overall - weak.overall).toBeGreaterThanOrEqual(1.5);
    expect(good.criteria.GRA).toBeGreaterThan(weak.criteria.GRA);
    expect(good.criteria.LR).toBeGreaterThan(weak.criteria.LR);
  });

  it("gives band 1 for 20 words or fewer", async () => {
    const s = await task2(
      "Working from home is good because people save time and money every day.",
    );
    expect(bands(s)).toEqual([1, 1, 1, 1]);
    expect(s.overall).toBe(1);
    expect(s.flags).toContain("too-short-band-1");
    expect(praise(s)).toEqual([]);
  });

  it("gives low bands, a flag and no praise to text that is not English", async () => {
    const s = await task2(FRENCH_TEXT);
    expect(s.flags).toContain("not-english");
    expect(Math.max(...bands(s))).toBeLessThanOrEqual(3);
    expect(praise(s)).toEqual([]);
    expect(s.feedback.overusedWords).toEqual([]);
  });

  it("gives low bands, a flag and no praise to word salad", async () => {
    const s = await task2(shuffleWords(GOOD_ESSAY));
    expect(s.flags).toContain("word-salad");
    expect(Math.max(...bands(s))).toBeLessThanOrEqual(3);
    expect(praise(s)).toEqual([]);
  });

  it("gives low bands, a flag and no praise to a mostly copied prompt", async () => {
    const copied = [
      REMOTE_WORK_PROMPT,
      "I agree with the people who think so, because there are many good reasons.",
      REMOTE_WORK_PROMPT.toLowerCase(),
      REMOTE_WORK_PROMPT,
    ].join("\n\n");
    const s = await task2(copied);
    expect(s.flags).toContain("copied-prompt");
    expect(Math.max(...bands(s))).toBeLessThanOrEqual(3);
    expect(praise(s)).toEqual([]);
    expect(s.wordCount).toBeLessThan(30);
  });

  it("caps Task Response for an essay written for another prompt", async () => {
    const onTopic = await task2(GOOD_ESSAY);
    const offTopic = await task2(GOOD_ESSAY, TRANSPORT_PROMPT);
    expect(onTopic.flags).not.toContain("off-topic");
    expect(offTopic.flags).toContain("off-topic");
    expect(offTopic.criteria.TR).toBeLessThanOrEqual(4);
    expect(onTopic.criteria.TR).toBeGreaterThan(4);
  });

  it("gives Task Response 1 to an essay wholly unrelated to the question, as the descriptors do", async () => {
    const s = await task2(GOOD_ESSAY, ZOO_PROMPT);
    expect(s.flags).toContain("off-topic");
    expect(s.criteria.TR).toBe(1);
    expect(
      s.feedback.points.some((p) => p.criterion === "TR" && /different subject/.test(p.text)),
    ).toBe(true);
  });

  it("does not call an essay off-topic for answering the question in its own words", async () => {
    const evidence = await gatherEvidence({
      task: 2,
      module: "academic",
      prompt: TRANSPORT_PROMPT,
      response: JAMMED_ROADS_ESSAY,
    });
    // On the prompt's words alone this essay would be caught; its subject is what keeps it in.
    expect(evidence.relevance.promptCoverage + evidence.relevance.responseOverlap).toBeLessThan(
      0.3,
    );
    const s = await task2(JAMMED_ROADS_ESSAY, TRANSPORT_PROMPT);
    expect(s.flags).not.toContain("off-topic");
    expect(s.criteria.TR).toBeGreaterThan(4);
  });

  it("holds a memorised answer that fits any question at Task Response 2 at most", async () => {
    const s = await task2(TEMPLATE_ESSAY);
    expect(s.flags).toContain("off-topic");
    expect(s.criteria.TR).toBeLessThanOrEqual(2);
  });

  it("moves Grammatical Range and Accuracy with grammar errors while Lexical Resource holds", async () => {
    // The same rich vocabulary, with agreement and verb-form errors a learner makes.
    const slips: [string, string][] = [
      ["from home has divided", "from home have divided"],
      ["they can reduce", "they can to reduce"],
      ["a software firm that hires nationally is", "a software firm that hire nationally are"],
      ["some workers find it difficult", "some workers finds it more harder"],
      ["These problems can damage", "These problem can damages"],
      ["Many companies now adopt", "Many company now adopts"],
      ["are likely to enjoy", "is likely to enjoys"],
    ];
    const flawed = slips.reduce((text, [from, to]) => text.replace(from, to), GOOD_ESSAY);
    const [good, bad] = [await task2(GOOD_ESSAY), await task2(flawed)];
    expect(bad.criteria.GRA as number).toBeLessThan(good.criteria.GRA as number);
    expect(bad.criteria.LR).toBe(good.criteria.LR);
    expect(bad.criteria.GRA as number).toBeLessThan(bad.criteria.LR as number);
  });

  it("penalises and flags an under-length answer", async () => {
    const full = await task2(GOOD_ESSAY);
    const short = await task2(GOOD_ESSAY.split("\n\n").slice(0, 2).join("\n\n"));
    expect(full.flags).not.toContain("under-length");
    expect(short.flags).toContain("under-length");
    expect(short.criteria.TR).toBeLessThanOrEqual(5);
    expect(short.criteria.TR as number).toBeLessThan(full.criteria.TR as number);
    expect(short.feedback.points.some((p) => p.criterion === "TR" && /250/.test(p.text))).toBe(
      true,
    );
  });

  it("returns errors whose spans point at the problem in the response", async () => {
    const s = await task2(WEAK_ESSAY);
    const spelling = s.errors.filter((e) => e.kind === "spelling");
    expect(spelling.map((e) => WEAK_ESSAY.slice(e.start, e.end))).toContain("Nowdays");
    expect(spelling.find((e) => WEAK_ESSAY.slice(e.start, e.end) === "Nowdays")?.suggestion).toBe(
      "Nowadays",
    );
    expect(s.feedback.overusedWords).toEqual(expect.arrayContaining(["good", "thing"]));
  });

  it("names the weakest criterion and what the next band needs", async () => {
    const s = await task2(WEAK_ESSAY);
    const weakestBand = s.criteria[s.feedback.weakest] as number;
    expect(Math.min(...bands(s))).toBe(weakestBand);
    expect(s.feedback.nextBand).toContain(`band ${weakestBand + 1}`);
  });

  it("flags mixed British and American spelling", async () => {
    const mixed = GOOD_ESSAY.replace("organisations manage", "organizations manage");
    const s = await task2(mixed);
    expect(s.flags).toContain("mixed-spelling");
    expect((await task2(GOOD_ESSAY)).flags).not.toContain("mixed-spelling");
  });
});

describe("Task 1 requirements", () => {
  const academic = (response: string) =>
    scoreWriting({ task: 1, module: "academic", prompt: CHART_PROMPT, response });
  const letter = (response: string) =>
    scoreWriting({ task: 1, module: "general", prompt: LETTER_PROMPT, response });

  it("gives every criterion below 9 a next step, the weakest included", async () => {
    for (const score of [
      await task2(GOOD_ESSAY),
      await academic(CHART_WITH_OVERVIEW),
      await letter(LETTER),
    ]) {
      for (const [criterion, band] of Object.entries(score.criteria)) {
        if (band >= 9) continue;
        const steps = score.feedback.points.filter(
          (p) => p.criterion === criterion && p.kind === "improve",
        );
        expect(steps.length, `${criterion} at ${band}`).toBeGreaterThan(0);
      }
    }
  });

  it("checks the overview in Academic Task 1", async () => {
    const withOverview = await academic(CHART_WITH_OVERVIEW);
    const without = await academic(CHART_WITHOUT_OVERVIEW);
    expect(withOverview.flags).not.toContain("no-overview");
    expect(without.flags).toContain("no-overview");
    expect(without.criteria.TA).toBeLessThanOrEqual(5);
    expect(withOverview.criteria.TA as number).toBeGreaterThan(without.criteria.TA as number);
    expect(withOverview.criteria.TR).toBeUndefined();
  });

  describe("with the chart's data", () => {
    // Households with internet access (%), 2000-2020, as the fixtures describe them.
    const series = {
      Canada: [45, 62, 80, 88, 91],
      Brazil: [10, 24, 40, 55, 70],
      India: [2, 4, 8, 25, 50],
    };
    const facts = {
      names: Object.keys(series),
      values: Object.values(series).flat(),
      changes: Object.values(series).flatMap((g) =>
        g.flatMap((a, i) => g.slice(i + 1).map((b) => Math.abs(a - b))),
      ),
    };
    const withFacts = (response: string) =>
      scoreWriting({ task: 1, module: "academic", prompt: CHART_PROMPT, response, facts });
    const texts = (s: WritingScore) => s.feedback.points.map((p) => p.text).join(" ");

    it("finds nothing to say about a report whose figures and categories are all in the chart", async () => {
      const s = await withFacts(CHART_WITH_OVERVIEW);
      expect(s.flags).not.toContain("no-data");
      expect(texts(s)).not.toMatch(/does not mention|Check th/);
    });

    it("caps Task Achievement at 5 for a report with no figures, and says why", async () => {
      const noFigures = CHART_WITH_OVERVIEW.replace(
        /\b(around|roughly|just|about|approximately|just over) \d+%/g,
        "a share",
      ).replace(/\d+%/g, "a share");
      expect(noFigures).not.toMatch(/\d+%/);
      const s = await withFacts(noFigures);
      expect(s.flags).toContain("no-data");
      expect(s.criteria.TA).toBeLessThanOrEqual(5);
      expect(texts(s)).toContain("Support the main features with figures from the chart");
      const without = await academic(noFigures);
      expect(without.flags).not.toContain("no-data");
    });

    it("holds Task Achievement down when the report reverses the trends, and names the statements", async () => {
      const trends = Object.keys(series).map((name) => ({ name, direction: "up" as const }));
      const withTrends = (response: string) =>
        scoreWriting({
          task: 1,
          module: "academic",
          prompt: CHART_PROMPT,
          response,
          facts: { ...facts, trends },
        });
      const right = await withTrends(CHART_WITH_OVERVIEW);
      expect(right.flags).not.toContain("misread-trends");
      const reversed = CHART_WITH_OVERVIEW.replace(
        "the Canadian figure climbed",
        "the Canadian figure dropped",
      )
        .replace("India, by contrast, rose only slightly", "India, by contrast, fell slightly")
        .replace("Brazil continued its gradual increase", "Brazil continued its gradual decrease");
      const s = await withTrends(reversed);
      expect(s.flags).toContain("misread-trends");
      expect(s.criteria.TA).toBeLessThanOrEqual(4);
      expect(s.criteria.TA).toBeLessThan(right.criteria.TA as number);
      expect(texts(s)).toContain("The chart shows the opposite of these statements");
    });

    it("names a category the report leaves out and a figure the chart does not show", async () => {
      const s = await withFacts(
        CHART_WITH_OVERVIEW.replace(/, and just 2% in India/, "").replace("about 80%", "about 97%"),
      );
      expect(texts(s)).toContain('Check this figure against the chart: "97%"');
      const noIndia = await withFacts(
        "Overall, Canada led. In 2000 Canada had 45% and Brazil 10%. ".repeat(6),
      );
      expect(texts(noIndia)).toContain('does not mention "India"');
    });
  });

  it("checks letter format and purpose in General Training Task 1", async () => {
    const formatted = await letter(LETTER);
    const unformatted = await letter(LETTER_WITHOUT_FORMAT);
    expect(formatted.flags).not.toContain("letter-format");
    expect(formatted.flags).not.toContain("unclear-purpose");
    expect(unformatted.flags).toEqual(expect.arrayContaining(["letter-format", "unclear-purpose"]));
    expect(formatted.criteria.TA as number).toBeGreaterThan(unformatted.criteria.TA as number);
    expect(formatted.flags).not.toContain("no-overview");
    expect(formatted.reliability.caveat).toMatch(/no examiner-marked letters/);
    expect((await academic(CHART_WITH_OVERVIEW)).reliability.caveat).toBeUndefined();
  });
});

describe("vocabulary by CEFR level", () => {
  it("names the C1 and C2 words of a strong essay and none in a weak one", async () => {
    const strong = await task2(GOOD_ESSAY);
    const weak = await task2(WEAK_ESSAY);
    const c1 = (s: WritingScore) =>
      s.feedback.points.find((p) => p.text.startsWith("Words at C1 level and above"))?.text;
    expect(c1(strong)).toMatch(/"[a-z]+"/);
    expect(c1(weak)).toBeUndefined();
  });
});
