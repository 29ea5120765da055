import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api-client';
import type { RoundDetail } from './round-types';

type Post = (request: { path: string; body?: unknown }) => void;

/** Active experts by name or organisation, for a manual pick. */
function ExpertPicker({ onPick }: { onPick: (expertId: number) => void }) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const options = useQuery({
    queryKey: ['reviews', 'expert-options', keyword],
    queryFn: () =>
      api.get<{ items: { id: number; name: string; organisation: { name: string } }[] }>(
        `/api/reviews/experts?status=active&pageSize=20${keyword ? `&keyword=${encodeURIComponent(keyword)}` : ''}`,
      ),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      size="small"
      style={{ width: 220 }}
      placeholder={t('reviews.addReviewer')}
      value={null}
      options={(options.data?.items ?? []).map((expert) => ({
        value: expert.id,
        label: `${expert.name}（${expert.organisation.name}）`,
      }))}
      onChange={(value: number) => onPick(value)}
    />
  );
}

/** The round's items with their reviewers; staff replace, remove, reopen and add reviewers here. */
export function RoundItemsTable({
  id,
  data,
  isStaff,
  post,
  remove,
}: {
  id: number;
  data: RoundDetail;
  isStaff: boolean;
  post: Post;
  remove: (assignmentId: number) => void;
}) {
  const { t } = useTranslation();
  const round = data.round;
  return (
    <Table
      rowKey="id"
      dataSource={data.items}
      pagination={false}
      columns={[
        { title: t('reviews.items'), dataIndex: 'title' },
        {
          title: t('reviews.assignments'),
          render: (_, item) => (
            <Space wrap>
              {item.assignments.map((assignment) => (
                <Space key={assignment.id} size={2}>
                  <Tag
                    color={
                      assignment.status === 'submitted'
                        ? 'green'
                        : assignment.status === 'declined' || assignment.status === 'conflict'
                          ? 'red'
                          : 'blue'
                    }
                  >
                    {assignment.expertName}·{t(`reviews.expertStatus.${assignment.status}`)}
                  </Tag>
                  {isStaff && round.status !== 'finished' && (
                    <>
                      {(assignment.status === 'declined' || assignment.status === 'conflict') && (
                        <Button
                          size="small"
                          type="link"
                          onClick={() =>
                            post({
                              path: `/api/reviews/assignments/${assignment.id}/replace`,
                            })
                          }
                        >
                          {t('reviews.replace')}
                        </Button>
                      )}
                      {assignment.status !== 'submitted' && (
                        <Button size="small" type="link" danger onClick={() => remove(assignment.id)}>
                          {t('reviews.remove')}
                        </Button>
                      )}
                      {round.status === 'released' &&
                        (assignment.status === 'submitted' || assignment.status === 'accepted') && (
                          <Button
                            size="small"
                            type="link"
                            onClick={() =>
                              post({
                                path: `/api/reviews/assignments/${assignment.id}/reopen`,
                              })
                            }
                          >
                            {t('reviews.reopen')}
                          </Button>
                        )}
                    </>
                  )}
                </Space>
              ))}
              {isStaff && round.status !== 'finished' && (
                <ExpertPicker
                  onPick={(expertId) =>
                    post({
                      path: `/api/reviews/rounds/${id}/assignments`,
                      body: { itemId: item.id, expertId },
                    })
                  }
                />
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
