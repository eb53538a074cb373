import { Link } from "@remix-run/react";

export default function Home() {
  return (
    <>
      <section className="hero">
        <h1>Honest IELTS band scores, explained</h1>
        <p>
          Practise Writing, Speaking, Reading and Listening for the Academic and General Training
          tests. Every band comes with the evidence behind it and the next step to raise it.
        </p>
        <p>
          <Link to="/join" className="button">
            Create a free account
          </Link>{" "}
          <Link to="/login" className="button button-secondary">
            Log in
          </Link>
        </p>
      </section>
      <section className="grid" aria-label="What you can do">
        <div className="card">
          <h2>Writing</h2>
          <p>
            Task 1 charts and letters, Task 2 essays. Bands for each criterion, with your errors
            marked.
          </p>
        </div>
        <div className="card">
          <h2>Speaking</h2>
          <p>
            Parts 1 to 3, recorded or typed. Fluency, vocabulary and grammar scored from what you
            said.
          </p>
        </div>
        <div className="card">
          <h2>Reading and Listening</h2>
          <p>40 questions each, marked exactly, converted with the published raw-score tables.</p>
        </div>
        <div className="card">
          <h2>Works anywhere</h2>
          <p>
            Light pages that work on a cheap phone, with or without JavaScript, and offline on one
            laptop.
          </p>
        </div>
      </section>
    </>
  );
}
