// A person (admin): name, biography and photo; create, update, delete.
import { type FormEvent, useEffect, useState } from 'react';
import type { Person } from '../../api/types.ts';
import { invalidate } from '../../app/query.ts';
import { navigate } from '../../app/router.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ErrorNotice } from '../common.tsx';
import { staff } from '../staff-api.ts';
import { useI18n } from '../../i18n/staff.ts';
import { ImageDrop } from './ImageDrop.tsx';

export function PersonEditPage({ params }: { params: Record<string, string> }) {
  const s = useI18n().t;
  const isNew = params.id === 'new';
  const [person, setPerson] = useState<Person | null>(null);
  const [name, setName] = useState('');
  const [bio, setBio] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useTitle(isNew ? s('staff.people.new') : person?.name);

  useEffect(() => {
    if (isNew) return;
    const c = new AbortController();
    staff.person(params.id!, c.signal).then(
      (p) => {
        setPerson(p);
        setName(p.name);
        setBio(p.bio);
      },
      (err: unknown) => (err as Error).name !== 'AbortError' && setError(err),
    );
    return () => c.abort();
  }, [isNew, params.id]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const result = isNew
        ? await staff.createPerson({ name: name.trim(), bio })
        : await staff.updatePerson(params.id!, { name: name.trim(), bio });
      setPerson(result);
      setSaved(true);
      invalidate('staff:people');
      if (isNew) navigate(`/staff/people/${result.id}`, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    try {
      await staff.deletePerson(params.id!);
      invalidate('staff:people');
      navigate('/staff/people');
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="container page">
      <h1>{isNew ? s('staff.people.new') : (person?.name ?? '…')}</h1>
      <div className="edit-layout">
        <form onSubmit={save} className="edit-form">
          <Field
            label={s('staff.people.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={200}
          />
          <div className="field">
            <label htmlFor="person-bio">{s('staff.people.bio')}</label>
            <textarea id="person-bio" rows={6} value={bio} onChange={(e) => setBio(e.target.value)} maxLength={10000} />
          </div>
          <ErrorNotice error={error} />
          {saved && <Notice tone="success">{s('staff.common.saved')}</Notice>}
          <div className="staff-actions">
            <Button type="submit" busy={busy}>
              {isNew ? s('staff.common.create') : s('staff.common.save')}
            </Button>
            {!isNew && (
              <Button variant="danger" onClick={remove}>
                {s('staff.common.delete')}
              </Button>
            )}
          </div>
        </form>
        <div className="edit-images">
          <ImageDrop
            label={s('staff.people.photo')}
            ratio={2 / 3}
            ratioLabel="2:3"
            currentUrl={person?.photoUrl ?? null}
            disabled={!person}
            upload={async (blob) => setPerson(await staff.uploadPersonPhoto(person!.id, blob))}
          />
        </div>
      </div>
    </div>
  );
}
