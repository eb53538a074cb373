import * as z from "zod";
import {
  answersBody,
  appleNotificationBody,
  appleTransactionBody,
  googleNotificationBody,
  googlePurchaseBody,
  listQuery,
  progressQuery,
  qrSignInSchema,
  qrTokenBody,
  signInSchema,
  speakingBody,
  startBody,
  uploadBody,
  writingDraftBody,
  writingSubmitBody,
} from "./requests.server";
import {
  detail,
  entitlements,
  me,
  page,
  paper,
  progress,
  qrApproval,
  qrRequest,
  redeemed,
  signedIn,
  speakingTask,
  storeNotification,
  uploadTicket,
  writingTask,
} from "./replies.server";

/** Every /api/v1 operation: its path, request schemas and the replies it can send. */
type Response = { description: string; schema?: z.ZodType };
export interface Operation {
  method: "get" | "post" | "put" | "delete";
  path: string;
  summary: string;
  bearer: boolean;
  body?: z.ZodType;
  /** A body of raw bytes (a recording), not JSON. */
  rawBody?: string;
  query?: z.ZodObject;
  responses: Record<number, Response>;
}

const ok = (description: string, schema?: z.ZodType): Response => ({ description, schema });

export const OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/sessions",
    summary: "Sign a device in with email and password",
    bearer: false,
    body: signInSchema,
    responses: { 201: ok("Signed in", signedIn) },
  },
  {
    method: "delete",
    path: "/api/v1/sessions/current",
    summary: "Sign this device out",
    bearer: true,
    responses: { 204: ok("Signed out") },
  },
  {
    method: "get",
    path: "/api/v1/me",
    summary: "The user, this device and all signed-in devices",
    bearer: true,
    responses: { 200: ok("The user", me) },
  },
  {
    method: "get",
    path: "/api/v1/assessments",
    summary: "The student's assessments, newest first",
    bearer: true,
    query: listQuery,
    responses: { 200: ok("One page", page) },
  },
  {
    method: "post",
    path: "/api/v1/assessments",
    summary:
      "Start (or resume) a Writing task, a Speaking test or a timed Reading or Listening paper",
    bearer: true,
    body: startBody,
    responses: { 201: ok("The open paper's assessment", detail) },
  },
  {
    method: "get",
    path: "/api/v1/assessments/{id}/writing",
    summary: "A Writing task: the question, the clock and the answer so far",
    bearer: true,
    responses: { 200: ok("The task", writingTask) },
  },
  {
    method: "put",
    path: "/api/v1/assessments/{id}/writing",
    summary: "Save the Writing draft (any length up to the limit, even empty)",
    bearer: true,
    body: writingDraftBody,
    responses: { 200: ok("Saved", writingTask) },
  },
  {
    method: "post",
    path: "/api/v1/assessments/{id}/writing",
    summary: "Submit the answer for scoring; scored in the background",
    bearer: true,
    body: writingSubmitBody,
    responses: { 202: ok("Queued for scoring: poll the assessment", detail) },
  },
  {
    method: "get",
    path: "/api/v1/assessments/{id}/speaking",
    summary: "A Speaking test: each part's questions, transcript and recording",
    bearer: true,
    responses: { 200: ok("The test", speakingTask) },
  },
  {
    method: "put",
    path: "/api/v1/assessments/{id}/speaking",
    summary: "Save the Speaking draft: transcripts and uploaded recordings",
    bearer: true,
    body: speakingBody,
    responses: { 200: ok("Saved", speakingTask) },
  },
  {
    method: "post",
    path: "/api/v1/assessments/{id}/speaking",
    summary: "Submit the Speaking test for scoring; scored in the background",
    bearer: true,
    body: speakingBody,
    responses: { 202: ok("Queued for scoring: poll the assessment", detail) },
  },
  {
    method: "post",
    path: "/api/v1/assessments/{id}/speaking/uploads",
    summary: "Where to send one part's recording (S3 presigned PUT; up to 25 MB)",
    bearer: true,
    body: uploadBody,
    responses: { 201: ok("Send the bytes to upload.url", uploadTicket) },
  },
  {
    method: "put",
    path: "/api/v1/uploads/{ticket}",
    summary: "Local installs only: takes a recording in S3's place (up to 4 MB)",
    bearer: false,
    rawBody: "The recording, with the Content-Type and length its ticket was issued for",
    responses: { 204: ok("Stored") },
  },
  {
    method: "get",
    path: "/api/v1/assessments/{id}",
    summary: "One assessment with its bands, feedback or marks",
    bearer: true,
    responses: { 200: ok("The assessment", detail) },
  },
  {
    method: "get",
    path: "/api/v1/assessments/{id}/paper",
    summary: "A Reading or Listening paper without its key, with saved answers",
    bearer: true,
    responses: { 200: ok("The paper", paper) },
  },
  {
    method: "post",
    path: "/api/v1/assessments/{id}/paper",
    summary: "Hand the paper in; it is marked at once",
    bearer: true,
    body: answersBody(),
    responses: { 200: ok("The marked assessment", detail) },
  },
  {
    method: "get",
    path: "/api/v1/progress",
    summary: "Progress: the figures of the /profile page",
    bearer: true,
    query: progressQuery,
    responses: { 200: ok("History, band series and criteria", progress) },
  },
  {
    method: "post",
    path: "/api/v1/qr/inspect",
    summary: "Which browser showed a scanned QR code, and when (changes nothing)",
    bearer: true,
    body: qrTokenBody,
    responses: { 200: ok("The request behind the code", qrRequest) },
  },
  {
    method: "post",
    path: "/api/v1/qr/approve",
    summary: "Approve a code shown on /login: that browser alone is signed in",
    bearer: true,
    body: qrTokenBody,
    responses: { 200: ok("Approved; names the browser and the time", qrApproval) },
  },
  {
    method: "post",
    path: "/api/v1/qr/sessions",
    summary: "Sign a device in with a code shown on a signed-in browser's devices page",
    bearer: false,
    body: qrSignInSchema,
    responses: { 201: ok("Signed in", signedIn) },
  },
  {
    method: "get",
    path: "/api/v1/entitlements",
    summary: "Cloud-scored assessments left, the stocks of credits, purchases and tiers",
    bearer: true,
    responses: { 200: ok("The student's credits", entitlements) },
  },
  {
    method: "post",
    path: "/api/v1/purchases/apple",
    summary: "Redeem a StoreKit 2 signed transaction (JWS)",
    bearer: true,
    body: appleTransactionBody,
    responses: {
      201: ok("Granted", redeemed),
      200: ok("The same transaction again: nothing more given", redeemed),
    },
  },
  {
    method: "post",
    path: "/api/v1/purchases/google",
    summary: "Redeem a Google Play purchase token, checked with Google",
    bearer: true,
    body: googlePurchaseBody,
    responses: {
      201: ok("Granted", redeemed),
      200: ok("The same purchase again: nothing more given", redeemed),
    },
  },
  {
    method: "post",
    path: "/api/v1/notifications/apple",
    summary: "App Store Server Notifications V2: refunds and revocations",
    bearer: false,
    body: appleNotificationBody,
    responses: { 200: ok("What the notification did", storeNotification) },
  },
  {
    method: "post",
    path: "/api/v1/notifications/google",
    summary: "Google Play Real-time Developer Notifications (Pub/Sub push)",
    bearer: false,
    body: googleNotificationBody,
    responses: { 200: ok("What the notification did", storeNotification) },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document",
    bearer: false,
    responses: { 200: ok("OpenAPI 3.1", z.object({ openapi: z.string() }).loose()) },
  },
];
