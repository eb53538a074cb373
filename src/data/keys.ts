/** Every key format in one place, so no module builds a key its readers do not expect. */

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An address's first characters: the partition an admin's search by the start of it reads. */
export const EMAIL_HEAD_LENGTH = 3;
export const emailHead = (email: string) => normaliseEmail(email).slice(0, EMAIL_HEAD_LENGTH);

export const userKey = (userId: string) => `user#${userId}`;
export const emailKey = (email: string) => `email#${normaliseEmail(email)}`;

export const accountThrottleKey = (email: string) => `account#${normaliseEmail(email)}`;
export const ipThrottleKey = (ip: string) => `ip#${ip}`;
export const mailThrottleKey = (email: string) => `mail#${normaliseEmail(email)}`;
export const mailClientThrottleKey = (ip: string) => `mail-ip#${ip}`;
export const qrClientThrottleKey = (ip: string) => `qr-ip#${ip}`;

/** One recording per part, under the user's prefix so that export and erasure find them all. */
export const audioKey = (userId: string, assessmentId: string, part: 1 | 2 | 3, ext: string) =>
  `${audioUserPrefix(userId)}${assessmentId}/part-${part}.${ext}`;
/** A recording sent straight to the store: `upload` keeps each upload's object apart. */
export const uploadedAudioKey = (
  userId: string,
  assessmentId: string,
  part: 1 | 2 | 3,
  upload: string,
  ext: string,
) => `${audioUserPrefix(userId)}${assessmentId}/part-${part}-${upload}.${ext}`;
export const audioUserPrefix = (userId: string) => `audio/${userId}/`;
