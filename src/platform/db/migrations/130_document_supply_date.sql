-- Finance (issue 16 review): documents are dated by their issue again (issued_at/issued_on: the
-- number's year, the export's periods), and carry the date of the sale or refund they record as
-- `supplyDate` in their content. Documents issued so far get the day they are filed under.
update receipts
set content = content || jsonb_build_object('supplyDate', to_char(issued_on, 'YYYY-MM-DD'))
where content ->> 'supplyDate' is null;
update credit_notes
set content = content || jsonb_build_object('supplyDate', to_char(issued_on, 'YYYY-MM-DD'))
where content ->> 'supplyDate' is null;
