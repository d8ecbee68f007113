// A person (admin): name, biography and photo; create, update, delete.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { keys } from '../../api/queries.ts';
import type { Person } from '../../api/types.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice } from '../common.tsx';
import { staff } from '../staff-api.ts';
import { RecordPending, useCreated } from '../edit-record.tsx';
import { staffKeys, staffQueries } from '../staff-queries.ts';
import { useI18n } from '../../i18n/staff.ts';
import { ImageDrop } from './ImageDrop.tsx';

export function PersonEditPage() {
  const { id } = useParams({ from: '/staff/people/$id' });
  const isNew = id === 'new';
  const person = useQuery({ ...staffQueries.person(id), enabled: !isNew });
  const { justCreated, created } = useCreated<Person>((x) => staffQueries.person(x).queryKey);
  if (!isNew && !person.data) return <RecordPending query={person} />;
  return <PersonForm key={id} initial={person.data ?? null} saved={justCreated(id)} onCreated={created} />;
}

function PersonForm(props: { initial: Person | null; saved: boolean; onCreated(person: Person): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [person, setPerson] = useState(props.initial);
  const isNew = person === null;
  const id = person?.id ?? 'new';
  const [name, setName] = useState(props.initial?.name ?? '');
  const [bio, setBio] = useState(props.initial?.bio ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(props.saved);
  useTitle(isNew ? t('staff.people.new') : person.name);

  /** The staff lists and the customer page read the person anew. */
  function forget(personId: string) {
    void queryClient.invalidateQueries({ queryKey: staffKeys.people() });
    void queryClient.invalidateQueries({ queryKey: keys.person(personId) });
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const result = isNew
        ? await staff.createPerson({ name: name.trim(), bio })
        : await staff.updatePerson(id, { name: name.trim(), bio });
      setPerson(result);
      setSaved(true);
      forget(result.id);
      if (isNew) {
        props.onCreated(result);
        void navigate({ to: '/staff/people/$id', params: { id: result.id }, replace: true });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    try {
      await staff.deletePerson(id);
      forget(id);
      void navigate({ to: '/staff/people' });
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="container page">
      <h1>{isNew ? t('staff.people.new') : (person?.name ?? '…')}</h1>
      <div className="edit-layout">
        <form onSubmit={save} className="edit-form">
          <Field
            label={t('staff.people.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={200}
          />
          <div className="field">
            <label htmlFor="person-bio">{t('staff.people.bio')}</label>
            <textarea id="person-bio" rows={6} value={bio} onChange={(e) => setBio(e.target.value)} maxLength={10000} />
          </div>
          <ErrorNotice error={error} />
          {saved && <Notice tone="success">{t('staff.common.saved')}</Notice>}
          <div className="staff-actions">
            <Button type="submit" busy={busy}>
              {isNew ? t('staff.common.create') : t('staff.common.save')}
            </Button>
            {!isNew && (
              <Button variant="danger" onClick={remove}>
                {t('staff.common.delete')}
              </Button>
            )}
          </div>
        </form>
        <div className="edit-images">
          <ImageDrop
            label={t('staff.people.photo')}
            ratio={2 / 3}
            ratioLabel="2:3"
            currentUrl={person?.photoUrl ?? null}
            disabled={!person}
            upload={async (blob) => {
              const result = await staff.uploadPersonPhoto(person!.id, blob);
              setPerson(result);
              forget(result.id);
            }}
          />
        </div>
      </div>
    </div>
  );
}
