import { useState } from "react";
import { Link } from "react-router";
import { useCollections, useUpdateCollection, type CollectionMovie, type MovieCollection } from "../../api/collections";
import { useQualityProfiles } from "../../api/library";
import { ErrorMessage, Loading } from "../../components/Feedback";
import { Poster } from "../../components/Poster";
import { collectionSummary, filmStanding, sortedCollections, STANDING_LABELS } from "../../lib/collections";
import { AVAILABILITY_LABELS } from "../../lib/movies";
import { movieAddress } from "../../routes/addresses";
import { EditCollectionDialog } from "./EditCollectionDialog";
import "./collections.css";

const STANDING_BADGES = { inLibrary: "badge--ok", excluded: "badge--muted", missing: "badge--warning" } as const;

function CollectionFilm({ movie }: { movie: CollectionMovie }) {
  const standing = filmStanding(movie);
  const name = `${movie.title}${movie.year ? ` (${movie.year})` : ""}`;
  return (
    <li className="collection__film">
      <Poster images={movie.images} title={movie.title} className="collection__film-poster" />
      <span className="collection__film-title">{movie.isExisting ? <Link to={movieAddress(movie)}>{name}</Link> : name}</span>
      <span className={`badge ${STANDING_BADGES[standing]}`}>{STANDING_LABELS[standing]}</span>
    </li>
  );
}

function CollectionCard({ collection, profileName, onEdit }: { collection: MovieCollection; profileName: string; onEdit: () => void }) {
  const update = useUpdateCollection();
  const headingId = `collection-${collection.id}`;
  return (
    <article className="collection" aria-labelledby={headingId}>
      <Poster images={collection.images} title={collection.title} className="collection__poster" />
      <div className="collection__body">
        <div className="collection__header">
          <h2 id={headingId}>{collection.title}</h2>
          <span className={`badge ${collection.monitored ? "badge--ok" : "badge--muted"}`}>{collection.monitored ? "Monitored" : "Unmonitored"}</span>
          <div className="collection__actions">
            <button
              type="button"
              className={`button button--small${collection.monitored ? " button--primary" : ""}`}
              aria-pressed={collection.monitored}
              aria-label={`Monitor ${collection.title}`}
              disabled={update.isPending}
              onClick={() => update.mutate({ id: collection.id, changes: { monitored: !collection.monitored } })}
            >
              Monitor
            </button>
            <button type="button" className="button button--small" aria-label={`Edit ${collection.title}`} onClick={onEdit}>
              Edit
            </button>
          </div>
        </div>
        {update.isError && <ErrorMessage error={update.error} title="The collection was not changed" />}
        <p className="muted">
          {collectionSummary(collection)} · {profileName} · {AVAILABILITY_LABELS[collection.minimumAvailability]} · {collection.rootFolderPath}
        </p>
        {collection.overview && <p className="collection__overview">{collection.overview}</p>}
        <ul className="collection__films" aria-label={`Films of ${collection.title}`}>
          {collection.movies.map((movie) => (
            <CollectionFilm key={movie.tmdbId} movie={movie} />
          ))}
        </ul>
      </div>
    </article>
  );
}

/** Radarr's Collections: the TMDB collections of the library's films, each monitored to add its other films. */
export function CollectionsPage() {
  const collections = useCollections();
  const profiles = useQualityProfiles();
  const [editing, setEditing] = useState<number | null>(null);
  const list = sortedCollections(collections.data ?? []);
  const profileName = (id: number) => profiles.data?.find((p) => p.id === id)?.name ?? `Profile ${id}`;
  const edited = list.find((c) => c.id === editing);

  return (
    <>
      <div className="page-header">
        <h1>Collections</h1>
      </div>
      {collections.isPending && <Loading what="the collections" />}
      {collections.isError && <ErrorMessage error={collections.error} title="The collections could not be loaded" />}
      {collections.data && list.length === 0 && <p className="muted">No film of the library belongs to a collection yet.</p>}
      <div className="collections">
        {list.map((collection) => (
          <CollectionCard key={collection.id} collection={collection} profileName={profileName(collection.qualityProfileId)} onEdit={() => setEditing(collection.id)} />
        ))}
      </div>
      {edited && <EditCollectionDialog collection={edited} onClose={() => setEditing(null)} />}
    </>
  );
}
