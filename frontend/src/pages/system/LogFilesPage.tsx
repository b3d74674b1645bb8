import { useLogFiles } from "../../api/logs";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { When } from "../../components/When";
import { useDateFormats } from "../../hooks/useDateFormats";

/** Radarr's System → Log Files: the log folder's files, each to download. */
export function LogFilesPage() {
  const files = useLogFiles();
  const formats = useDateFormats();
  const now = Date.now();

  return (
    <>
      <div className="page-header">
        <h1>Log files</h1>
        <div className="page-header__actions">
          <button type="button" className="button" disabled={files.isFetching} onClick={() => void files.refetch()}>
            {files.isFetching ? "Refreshing…" : "Refresh"}
          </button>
        </div>
      </div>
      <p className="muted">Each line of a log file is a JSON record; secrets are removed before a line is written.</p>
      {files.isPending && <Loading what="the log files" />}
      {files.isError && <ErrorMessage error={files.error} title="The log files could not be loaded" />}
      {files.data?.length === 0 && <p className="muted">No log files yet.</p>}
      {files.data && files.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Log files">
            <thead>
              <tr>
                <th scope="col">Filename</th>
                <th scope="col">Last write time</th>
                <th scope="col">
                  <span className="visually-hidden">Download</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {files.data.map((file) => (
                <tr key={file.filename}>
                  <th scope="row">{file.filename}</th>
                  <td>
                    <When value={file.lastWriteTime} formats={formats} now={now} />
                  </td>
                  <td className="actions">
                    <a className="button button--small" href={file.downloadUrl} download={file.filename} aria-label={`Download ${file.filename}`}>
                      Download
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
