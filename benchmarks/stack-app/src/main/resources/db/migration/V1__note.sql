create table note (
    id   uuid primary key,
    body text not null
);
