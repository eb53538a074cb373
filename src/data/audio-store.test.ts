import { describe, expect, it } from "vitest";
import { AudioConfigurationError, getAudioStore } from "./audio-store";
import { LocalAudioStore } from "./local-audio-store";
import { S3AudioStore } from "./s3-audio-store";
import { audioKey, audioUserPrefix } from "./keys";

const userId = "0b6f1c1e-4d1f-4c59-9d8e-2f3a4b5c6d7e";
const assessmentId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

describe("audio keys", () => {
  it("files each part under the user's prefix, so export and erasure find it", () => {
    const key = audioKey(userId, assessmentId, 2, "webm");
    expect(key).toBe(`audio/${userId}/${assessmentId}/part-2.webm`);
    expect(key.startsWith(audioUserPrefix(userId))).toBe(true);
  });

  it("refuses anything that is not an audio key before touching the disk", async () => {
    const store = new LocalAudioStore("/nonexistent");
    await expect(store.load("audio/../../etc/passwd")).rejects.toThrow("Not an audio key");
    await expect(
      store.save(`audio/${userId}/x/part-4.webm`, new Uint8Array(), "audio/webm"),
    ).rejects.toThrow("Not an audio key");
  });
});

describe("getAudioStore", () => {
  it("uses S3 when a bucket is configured, local files in Sandbox, and nothing otherwise", () => {
    expect(getAudioStore({ AUDIO_BUCKET: "recordings" })).toBeInstanceOf(S3AudioStore);
    expect(getAudioStore({ ARC_SANDBOX: "{}" })).toBeInstanceOf(LocalAudioStore);
    expect(getAudioStore({ AUDIO_DIR: "/tmp/audio" })).toBeInstanceOf(LocalAudioStore);
    expect(() => getAudioStore({})).toThrow(AudioConfigurationError);
  });
});

describe("mediaUri", () => {
  it("names the S3 object Transcribe reads, or the local file a fake reads", () => {
    const key = audioKey(userId, assessmentId, 1, "webm");
    expect(new S3AudioStore("recordings").mediaUri(key)).toBe(`s3://recordings/${key}`);
    expect(new LocalAudioStore("/srv/audio").mediaUri(key)).toBe(`file:///srv/audio/${key}`);
    expect(() => new LocalAudioStore("/srv").mediaUri("audio/../x")).toThrow("Not an audio key");
  });
});
