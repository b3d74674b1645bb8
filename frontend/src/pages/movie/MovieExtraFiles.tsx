import { useExtraFiles } from "../../api/library";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { extraLanguage, extraTypeLabel } from "../../lib/extras";

/** The files kept beside a movie's video (subtitles, .nfo and others), kept up to date by /ws. */
export function MovieExtraFiles({ movieId }: { movieId: number }) {
  const extras = useExtraFiles(movieId);
  let body;
  if (extras.data && extras.data.length > 0) {
    body = (
      <div className="table-wrap">
        <table className="table" aria-label="Extra files">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Relative path</th>
              <th scope="col">Language</th>
            </tr>
          </thead>
          <tbody>
            {extras.data.map((extra) => (
              <tr key={extra.id}>
                <td>{extraTypeLabel(extra)}</td>
                <td>{extra.relativePath}</td>
                <td>{extraLanguage(extra)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  } else if (extras.data) {
    body = <p className="muted">No extra files.</p>;
  } else if (extras.isError) {
    body = <ErrorMessage error={extras.error} title="The extra files could not be loaded" />;
  } else {
    body = <Loading what="the extra files" />;
  }
  return (
    <section className="panel" aria-labelledby="extra-files-heading">
      <h2 id="extra-files-heading">Extra files</h2>
      {body}
    </section>
  );
}
