import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing here yet. Go to <Link to="/">the library</Link>.
      </p>
    </>
  );
}
