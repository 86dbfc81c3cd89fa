-- A waitlist offer accepted by the staff (issue 9) books the offered slot: the entry, now booked,
-- names the appointment it became, so the desk can go from one to the other. Only a booked entry
-- names one (entries booked before this column existed name none: no route booked them). The
-- table keeps its row-level security policy (V18); a new column needs no policy or grant of its own.
ALTER TABLE public.waitlist_entries ADD COLUMN appointment_id uuid;
ALTER TABLE public.waitlist_entries ADD CONSTRAINT waitlist_entries_appointment_when_booked
    CHECK (appointment_id IS NULL OR status = 'booked');
ALTER TABLE public.waitlist_entries ADD CONSTRAINT waitlist_entries_appointment_fk
    FOREIGN KEY (tenant_id, appointment_id) REFERENCES public.appointments (tenant_id, id);
