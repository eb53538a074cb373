import type { ScoredSkill, TierId } from "../domain/entitlement";

/**
 * What each tier allows, in one place: the pricing page, the credit check on every submission
 * and the stores' product ids all read this. Offline scoring is free and unlimited in every
 * tier; a credit pays for one assessment scored by a cloud model (docs/decisions/024).
 */
export interface Tier {
  id: TierId;
  name: string;
  summary: string;
  /** Cloud-scored assessments it gives; the free tier's renew each calendar month (UTC). */
  credits: number;
  skills: ScoredSkill[];
  /** Shown on the pricing page; the stores charge in the buyer's currency. */
  priceLabel: string;
  /** The same product in both stores; absent for the free tier, which nobody buys. */
  productId?: string;
}

export const TIERS: readonly Tier[] = [
  {
    id: "free",
    name: "Free",
    summary: "Offline scoring of everything, always, and a few assessments a month scored by AI.",
    credits: 3,
    skills: ["writing", "speaking"],
    priceLabel: "Free",
  },
  {
    id: "writing",
    name: "Writing pack",
    summary: "20 Writing tasks scored by AI, with no time limit to use them.",
    credits: 20,
    skills: ["writing"],
    priceLabel: "£4.99",
    productId: "ielts.pack.writing20",
  },
  {
    id: "speaking",
    name: "Speaking pack",
    summary: "20 Speaking tests scored by AI, recordings heard by the model that listens.",
    credits: 20,
    skills: ["speaking"],
    priceLabel: "£4.99",
    productId: "ielts.pack.speaking20",
  },
  {
    id: "full",
    name: "Full",
    summary: "60 Writing or Speaking assessments scored by AI, in any mix.",
    credits: 60,
    skills: ["writing", "speaking"],
    priceLabel: "£11.99",
    productId: "ielts.pack.full60",
  },
];

export const FREE_TIER = TIERS[0]!;

export function tierById(id: string): Tier | null {
  return TIERS.find((tier) => tier.id === id) ?? null;
}

export function tierByProductId(productId: string): Tier | null {
  return TIERS.find((tier) => tier.productId === productId) ?? null;
}
