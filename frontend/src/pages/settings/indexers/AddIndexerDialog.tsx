import type { Indexer } from "../../../api/providers";
import { AddProviderDialog } from "../../../components/providers/AddProviderDialog";

/** Radarr's "Add indexer": every implementation by protocol, each with its presets (known sites). */
export function AddIndexerDialog({ onChoose, onClose }: { onChoose: (indexer: Indexer) => void; onClose: () => void }) {
  return <AddProviderDialog<Indexer> family="indexer" noun="indexer" onChoose={onChoose} onClose={onClose} />;
}
