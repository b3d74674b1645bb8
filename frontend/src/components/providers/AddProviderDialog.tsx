import { useProviderSchema, type Protocol, type Provider, type ProviderFamily } from "../../api/providers";
import { implementationGroups } from "../../lib/indexers";
import { newProvider } from "../../lib/providerForm";
import { Dialog } from "../Dialog";
import { ErrorMessage, Loading } from "../Feedback";

type Addable = Provider & { protocol: Protocol };

/**
 * Radarr's "Add indexer" / "Add download client": every implementation of the family by protocol,
 * each with its presets (known sites, known set-ups).
 */
export function AddProviderDialog<T extends Addable>({
  family,
  noun,
  onChoose,
  onClose,
}: {
  family: ProviderFamily;
  /** "indexer", "download client" */
  noun: string;
  onChoose: (provider: T) => void;
  onClose: () => void;
}) {
  const schema = useProviderSchema<T>(family, true);
  return (
    <Dialog title={`Add ${noun}`} open onClose={onClose} wide>
      {schema.isPending && <Loading what={`the ${noun} types`} />}
      {schema.isError && <ErrorMessage error={schema.error} title={`The ${noun} types could not be loaded`} />}
      {schema.data &&
        implementationGroups(schema.data).map((group) => (
          <section key={group.protocol} aria-labelledby={`add-${family}-${group.protocol}`} className="add-provider">
            <h3 id={`add-${family}-${group.protocol}`}>{group.title}</h3>
            <ul className="add-provider__list">
              {group.implementations.map((template) => (
                <li key={template.implementation} className="add-provider__item">
                  <button type="button" className="button" onClick={() => onChoose(newProvider(template))}>
                    {template.implementationName}
                  </button>
                  {(template.presets?.length ?? 0) > 0 && (
                    <span className="add-provider__presets">
                      <span className="muted">Presets:</span>
                      {template.presets!.map((preset) => (
                        <button
                          key={preset.name}
                          type="button"
                          className="button button--small button--quiet"
                          aria-label={`${preset.name} (${template.implementationName})`}
                          onClick={() => onChoose(newProvider(template, preset))}
                        >
                          {preset.name}
                        </button>
                      ))}
                    </span>
                  )}
                  {template.infoLink && (
                    <a className="add-provider__info" href={template.infoLink} target="_blank" rel="noreferrer noopener">
                      More info<span className="visually-hidden"> about {template.implementationName}</span>
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
