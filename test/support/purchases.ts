import { putPurchase } from "../../src/data/purchases";

/** A granted App Store purchase of the speaking pack (20 credits), stored as the API stores one. */
export async function speakingPackBought(userId: string, purchaseId: string): Promise<void> {
  const at = new Date().toISOString();
  await putPurchase({
    purchaseId,
    store: "apple",
    userId,
    productId: "speaking.pack",
    tierId: "speaking",
    credits: 20,
    environment: "Sandbox",
    status: "granted",
    purchasedAt: at,
    createdAt: at,
  });
}
