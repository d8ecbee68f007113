// The ticket type on the door's green answer, and the proof to check ("proof of age"): named in the
// staff member's language from the cinema's ticket types, else as the check-in answer names it.
import { useQuery } from '@tanstack/react-query';
import { ticketTypeName, ticketTypeRule } from '../../seats/ticket-choice.ts';
import { useI18n } from '../../i18n/staff.ts';
import type { CheckinAnswer } from '../staff-api.ts';
import { staffQueries } from '../staff-queries.ts';

type TypeFields = { ticketType?: string | null; ticketTypeName?: string | null; ticketTypeRule?: string | null };
type AnswerType = { ticketType?: { code: string; name: string; rule: string | null } };

/** The ticket type as the answer gives it: `ticketType {code, name, rule}`, or a code on the ticket or seat. */
export function answerTicketType(answer: CheckinAnswer): TypeFields {
  const given = (answer as AnswerType).ticketType;
  if (given && typeof given === 'object')
    return { ticketType: given.code, ticketTypeName: given.name, ticketTypeRule: given.rule };
  const ticket = answer.ticket as TypeFields;
  const seat = answer.seat as TypeFields;
  return {
    ticketType: ticket.ticketType ?? seat.ticketType,
    ticketTypeName: ticket.ticketTypeName ?? seat.ticketTypeName,
    ticketTypeRule: ticket.ticketTypeRule ?? seat.ticketTypeRule,
  };
}

export function DoorTicketType({ answer }: { answer: CheckinAnswer }) {
  const { t, lang } = useI18n();
  const given = answerTicketType(answer);
  const cinemaId = answer.showtime.cinema?.id ?? '';
  const types = useQuery({
    ...staffQueries.ticketTypes(cinemaId),
    enabled: !!cinemaId && !!given.ticketType,
    staleTime: 60_000,
  });
  const known = types.data?.find((x) => x.code === given.ticketType);
  const name = known ? ticketTypeName(known, lang) : (given.ticketTypeName ?? given.ticketType);
  const rule = known ? ticketTypeRule(known, lang) : given.ticketTypeRule;
  if (!name) return null;
  return (
    <>
      <p className="door-ticket-type" data-ticket-type={given.ticketType ?? ''}>
        {t('staff.door.ticketType', { type: name })}
      </p>
      {rule && <p className="door-proof">{t('staff.door.proof', { rule })}</p>}
    </>
  );
}
