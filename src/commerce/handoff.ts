import type { Env } from "../ai/cloud-names";
import { TIERS } from "./tiers";

const DEFAULT_APP_PURCHASE_URL = "ielts-ai-prep://purchase?product={productId}";

/**
 * Where the pricing page's QR code sends a phone: the app's own product page (a custom scheme,
 * or a universal/app link set in APP_PURCHASE_URL), since the stores let only the app sell
 * these packs. `{productId}` is replaced by the product's store id.
 */
export function appPurchaseLinks(env: Env = process.env): { tierId: string; url: string }[] {
  const template = env.APP_PURCHASE_URL ?? DEFAULT_APP_PURCHASE_URL;
  return TIERS.filter((tier) => tier.productId).map((tier) => ({
    tierId: tier.id,
    url: template.replace("{productId}", encodeURIComponent(tier.productId!)),
  }));
}
