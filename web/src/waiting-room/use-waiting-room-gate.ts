// The seat picker's side of the waiting room: a guarded showtime without this tab's admission sends
// the customer to its waiting page (staff sell without one, as the server lets them).
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { admissionToken, waitingRoom } from './admission.ts';

export function useWaitingRoomGate(showtimeId: string, role: string | undefined): void {
  const navigate = useNavigate();
  const room = useQuery({ queryKey: ['waiting-room', showtimeId], queryFn: () => waitingRoom.status(showtimeId) });
  const guarded = room.data?.active === true && role !== 'staff' && role !== 'admin';
  useEffect(() => {
    if (guarded && !admissionToken(showtimeId))
      void navigate({ to: '/showtimes/$id/waiting-room', params: { id: showtimeId }, replace: true });
  }, [guarded, showtimeId, navigate]);
}
