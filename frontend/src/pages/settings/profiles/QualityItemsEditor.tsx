import { useId, useState, type ReactNode } from "react";
import type { QualityProfileItem } from "../../../api/types";
import { ArrowDownIcon, ArrowUpIcon } from "../../../components/Icons";
import {
  canMove,
  groupWithBelow,
  isGroup,
  itemKey,
  itemName,
  moveItem,
  removeFromGroup,
  renameGroup,
  setAllowed,
  ungroup,
  type Direction,
} from "../../../lib/qualityProfile";

interface ItemsProps {
  items: QualityProfileItem[];
  onChange: (items: QualityProfileItem[]) => void;
  error?: string | undefined;
}

function MoveButtons({ items, path, name, onChange }: { items: QualityProfileItem[]; path: number[]; name: string; onChange: ItemsProps["onChange"] }) {
  const button = (direction: Direction, symbol: ReactNode) => (
    <button
      type="button"
      className="button button--small button--quiet"
      aria-label={`Move ${name} ${direction}`}
      title={direction === "up" ? "More preferred" : "Less preferred"}
      disabled={!canMove(items, path, direction)}
      onClick={() => onChange(moveItem(items, path, direction))}
    >
      {symbol}
    </button>
  );
  return (
    <span className="quality-row__moves">
      {button("up", <ArrowUpIcon />)}
      {button("down", <ArrowDownIcon />)}
    </span>
  );
}

function GroupRow({ items, index, editGroups, onChange }: { items: QualityProfileItem[]; index: number; editGroups: boolean; onChange: ItemsProps["onChange"] }) {
  const group = items[index] as QualityProfileItem;
  const name = itemName(group);
  const nameId = useId();
  return (
    <li className="quality-row quality-row--group" aria-label={name}>
      <div className="quality-row__main">
        <input
          type="checkbox"
          aria-label={`Allow ${name}`}
          checked={group.allowed}
          onChange={(e) => onChange(setAllowed(items, index, e.target.checked))}
        />
        {editGroups ? (
          <>
            <label htmlFor={nameId} className="visually-hidden">
              Group name
            </label>
            <input id={nameId} className="quality-row__name-input" value={group.name ?? ""} onChange={(e) => onChange(renameGroup(items, index, e.target.value))} />
          </>
        ) : (
          <span className="quality-row__name">{name}</span>
        )}
        {!editGroups && <span className="quality-row__members muted">{group.items.map(itemName).join(", ")}</span>}
        <span className="quality-row__actions">
          {editGroups && <GroupWithBelow items={items} index={index} onChange={onChange} />}
          {editGroups && (
            <button type="button" className="button button--small" aria-label={`Ungroup ${name}`} onClick={() => onChange(ungroup(items, index))}>
              Ungroup
            </button>
          )}
          <MoveButtons items={items} path={[index]} name={name} onChange={onChange} />
        </span>
      </div>
      {editGroups && (
        <ol className="quality-row__children" aria-label={`Qualities in ${name}`}>
          {group.items
            .map((member, child) => ({ member, child }))
            .reverse()
            .map(({ member, child }) => (
              <li key={itemKey(member)} className="quality-row quality-row--member" aria-label={itemName(member)}>
                <div className="quality-row__main">
                  <span className="quality-row__name">{itemName(member)}</span>
                  <span className="quality-row__actions">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Remove ${itemName(member)} from ${name}`}
                      onClick={() => onChange(removeFromGroup(items, index, child))}
                    >
                      Remove from group
                    </button>
                    <MoveButtons items={items} path={[index, child]} name={itemName(member)} onChange={onChange} />
                  </span>
                </div>
              </li>
            ))}
        </ol>
      )}
    </li>
  );
}

function GroupWithBelow({ items, index, onChange }: { items: QualityProfileItem[]; index: number; onChange: ItemsProps["onChange"] }) {
  const below = items[index - 1];
  if (!below) return null;
  const name = itemName(items[index] as QualityProfileItem);
  return (
    <button
      type="button"
      className="button button--small"
      aria-label={`Group ${name} with ${itemName(below)}`}
      title={`Rank ${name} and ${itemName(below)} as equals`}
      onClick={() => onChange(groupWithBelow(items, index))}
    >
      Group with below
    </button>
  );
}

function QualityRow({ items, index, editGroups, onChange }: { items: QualityProfileItem[]; index: number; editGroups: boolean; onChange: ItemsProps["onChange"] }) {
  const item = items[index] as QualityProfileItem;
  const name = itemName(item);
  const id = useId();
  return (
    <li className="quality-row" aria-label={name}>
      <div className="quality-row__main">
        <input id={id} type="checkbox" checked={item.allowed} onChange={(e) => onChange(setAllowed(items, index, e.target.checked))} />
        <label htmlFor={id} className="quality-row__name">
          {name}
        </label>
        <span className="quality-row__actions">
          {editGroups && <GroupWithBelow items={items} index={index} onChange={onChange} />}
          <MoveButtons items={items} path={[index]} name={name} onChange={onChange} />
        </span>
      </div>
    </li>
  );
}

/**
 * The profile's qualities, most preferred at the top: tick the wanted ones, move them up or down,
 * and (in "Edit groups") rank several as equals by grouping them.
 */
export function QualityItemsEditor({ items, onChange, error }: ItemsProps) {
  const [editGroups, setEditGroups] = useState(false);
  const hintId = useId();
  const errorId = useId();
  return (
    <fieldset className="quality-items" aria-describedby={`${hintId}${error ? ` ${errorId}` : ""}`} aria-invalid={error ? true : undefined}>
      <legend>Qualities</legend>
      <p id={hintId} className="field__hint">
        Most preferred at the top. Ticked qualities may be grabbed; a group's qualities rank as equals.
      </p>
      <div>
        <button type="button" className="button button--small" aria-pressed={editGroups} onClick={() => setEditGroups((on) => !on)}>
          Edit groups
        </button>
      </div>
      <ol className="quality-items__list" aria-label="Qualities, most preferred first">
        {items
          .map((item, index) => ({ item, index }))
          .reverse()
          .map(({ item, index }) =>
            isGroup(item) ? (
              <GroupRow key={itemKey(item)} items={items} index={index} editGroups={editGroups} onChange={onChange} />
            ) : (
              <QualityRow key={itemKey(item)} items={items} index={index} editGroups={editGroups} onChange={onChange} />
            ),
          )}
      </ol>
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
