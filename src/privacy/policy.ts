/**
 * The privacy notice's version: a consent records the version the student read, so a change
 * that needs a new answer bumps it (the privacy page shows it).
 */
export const POLICY_VERSION = "2026-12-02";
