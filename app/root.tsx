import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "~/components/csrf-input";
import { getCsrfToken } from "~/security/csrf.server";
import { useNonce } from "~/security/nonce";
import { getUser } from "~/session.server";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = () => [
  { title: "IELTS AI Prep" },
  {
    name: "description",
    content: "Practise all four IELTS skills and get honest, explained band scores.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, csrf] = await Promise.all([getUser(request), getCsrfToken(request)]);
  return json(
    { user: user ? { email: user.email, role: user.role } : null, csrfToken: csrf.token },
    { headers: csrf.setCookie ? { "Set-Cookie": csrf.setCookie } : undefined },
  );
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  return (
    <header className="site-header">
      <nav aria-label="Main">
        <Link to="/" className="brand">
          IELTS AI Prep
        </Link>
        <ul>
          <li>
            <Link to="/pricing">Pricing</Link>
          </li>
          {user ? (
            <>
              <li>
                <Link to="/dashboard">Dashboard</Link>
              </li>
              <li>
                <Link to="/practice">Practice</Link>
              </li>
              <li>
                <Link to="/profile">Progress</Link>
              </li>
              {user.role === "admin" ? (
                <li>
                  <Link to="/admin">Admin</Link>
                </li>
              ) : null}
              <li>
                <Link to="/account">Account</Link>
              </li>
              <li>
                <form method="post" action="/logout">
                  <CsrfInput />
                  <button type="submit" className="link-button">
                    Log out
                  </button>
                </form>
              </li>
            </>
          ) : (
            <>
              <li>
                <Link to="/login">Log in</Link>
              </li>
              <li>
                <Link to="/join" className="button">
                  Join free
                </Link>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        <Meta />
        <Links />
      </head>
      <body>
        <Header />
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>Open-source IELTS practice. Bands are estimates, explained; not official results.</p>
          <p>
            <Link to="/privacy">Privacy</Link>
          </p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-page">
        <h1>Page not found</h1>
        <p>We could not find that page. It may have moved.</p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </section>
    );
  }
  if (isRouteErrorResponse(error)) {
    const message =
      typeof error.data === "object" && error.data && "message" in error.data
        ? String((error.data as { message: unknown }).message)
        : error.statusText;
    return (
      <section className="error-page">
        <h1>{error.status === 413 ? "Too large" : "Something went wrong"}</h1>
        <p>{message}</p>
      </section>
    );
  }
  console.error(error);
  return (
    <section className="error-page">
      <h1>Something went wrong</h1>
      <p>An error on our side stopped this page. Your saved work is safe; try again in a moment.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </section>
  );
}
