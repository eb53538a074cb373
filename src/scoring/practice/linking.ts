import { findDevices } from "../language/linking";
import { lowerWords } from "../language/text";
import type { LinkingCategory } from "../language/types";
import { check, feedback, keptShare, sameWords, type DrillFeedback } from "./feedback";

type LinkFunction = Extract<
  LinkingCategory,
  "addition" | "contrast" | "cause" | "result" | "example"
>;

export interface LinkingItem {
  id: string;
  first: string;
  second: string;
  /** How the second idea relates to the first. */
  relation: LinkFunction;
}

const RELATION_TEXT: Record<LinkFunction, { name: string; examples: string }> = {
  addition: { name: "adds a point", examples: "moreover, in addition or not only… but also" },
  contrast: { name: "shows contrast", examples: "however, although or whereas" },
  cause: { name: "gives a cause", examples: "because, since or due to" },
  result: { name: "shows a result", examples: "therefore, as a result or consequently" },
  example: { name: "introduces an example", examples: "for example, for instance or such as" },
};

/** Original pairs of sentences, used until a student's own essays supply linking errors. */
export const LINKING_ITEMS: readonly LinkingItem[] = [
  {
    id: "bus-fares",
    first: "Bus fares in the city have been cut by half.",
    second: "Most commuters still drive to work.",
    relation: "contrast",
  },
  {
    id: "library-hours",
    first: "The library now opens until midnight.",
    second: "More students study there in the evening.",
    relation: "result",
  },
  {
    id: "remote-benefits",
    first: "Working from home saves employees time.",
    second: "It reduces the cost of office space for employers.",
    relation: "addition",
  },
  {
    id: "exam-stress",
    first: "Many students feel anxious before exams.",
    second: "They are afraid of disappointing their parents.",
    relation: "cause",
  },
  {
    id: "green-jobs",
    first: "Renewable energy creates new kinds of work.",
    second: "Wind farms need engineers to maintain the turbines.",
    relation: "example",
  },
  {
    id: "city-parks",
    first: "Parks make a city more pleasant to live in.",
    second: "They are expensive to maintain.",
    relation: "contrast",
  },
];

// Adverbs that start a new clause: a comma before them joins two sentences wrongly.
const SPLICE =
  /[^.;:!?],\s*(however|therefore|moreover|furthermore|consequently|nevertheless|thus|hence|in addition|as a result|for example|for instance)\b/i;

export function checkLinking(item: LinkingItem, answer: string): DrillFeedback {
  return feedback(answer, () => {
    const relation = RELATION_TEXT[item.relation];
    const unchanged = sameWords(answer, `${item.first} ${item.second}`);
    const devices = findDevices(lowerWords(answer));
    const right = devices.some((d) => d.category === item.relation);
    const wrong = devices.find((d) => d.category !== item.relation);
    const splice = SPLICE.exec(answer);
    return [
      check(
        "changed",
        !unchanged,
        "Joins the two sentences",
        "You have copied the two sentences as they are. Join them with a linking word or phrase.",
      ),
      check(
        "relation",
        right,
        `Uses a linker that ${relation.name}`,
        wrong
          ? `“${wrong.phrase}” does not fit here: the second idea ${relation.name}. Try ${relation.examples}.`
          : `The second idea ${relation.name}: use a linker such as ${relation.examples}.`,
      ),
      check(
        "punctuation",
        !splice,
        "Punctuates the linker correctly",
        `“${splice?.[1] ?? ""}” cannot join two sentences after a comma. Put a full stop or a semicolon before it and a comma after it: “…; ${splice?.[1]?.toLowerCase() ?? ""}, …”.`,
      ),
      check(
        "both-ideas",
        keptShare(item.first, answer) >= 0.5 && keptShare(item.second, answer) >= 0.5,
        "Keeps both ideas",
        "Keep the meaning of both sentences; only the link between them should be new.",
      ),
    ];
  });
}
