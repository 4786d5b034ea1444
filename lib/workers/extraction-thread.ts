/**
 * The body of one extraction thread (node:worker_threads): keeps the sessions it was given and answers
 * each `extract` message with the pipeline's output for that text. Loaded by `extraction-thread.mjs`.
 */
import { parentPort } from "node:worker_threads";
import { ArticleTooLongError, extractArticle, SpeakerRegistry } from "../nlp";
import type { ExtractionSession, FromThread, ToThread } from "./extraction-protocol";

type Session = { data: ExtractionSession; registry: SpeakerRegistry };

const sessions = new Map<number, Session>();
const port = parentPort;
if (!port) throw new Error("extraction-thread runs only as a worker thread.");

const send = (message: FromThread) => port.postMessage(message);

port.on("message", (message: ToThread) => {
  if (message.type === "session") {
    sessions.set(message.session, { data: message.data, registry: SpeakerRegistry.fromJSON(message.data.speakers) });
    return;
  }
  if (message.type === "end") {
    sessions.delete(message.session);
    return;
  }
  const session = sessions.get(message.session);
  if (!session) {
    send({ type: "failed", task: message.task, error: { name: "Error", message: `extraction session ${message.session} is unknown to this thread` } });
    return;
  }
  try {
    const { speakers, ...extraction } = extractArticle(message.text, {
      issues: session.data.issues,
      speakers: session.registry,
      tagger: session.data.tagger,
      maxSentences: session.data.maxSentences,
    });
    session.registry = speakers;
    send({ type: "done", task: message.task, extraction });
  } catch (error) {
    const failure = error instanceof ArticleTooLongError ? { sentences: error.sentences, limit: error.limit } : {};
    const { name, message: text } = error instanceof Error ? error : { name: "Error", message: String(error) };
    send({ type: "failed", task: message.task, error: { name, message: text, ...failure } });
  }
});

send({ type: "ready" });
